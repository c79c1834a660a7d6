//===- CHeader.cpp - the C interface of a compiled graph ------------------===//
//
// See CHeader.h. The generated function, for f(x: f32[B, 4]) -> f32[B, 2]:
//
//   static inline int f(const float *x, int64_t B, float *out0);
//
// Tensors are row-major arrays, named as in the .syna source (in<i> when
// the name is unknown or unusable in C); each dynamic dimension is one
// int64_t parameter, named as in the source (in<i>_dim<k> when unnamed);
// scalars are passed by value. The results' arrays are the caller's.
//
//===----------------------------------------------------------------------===//
#include "CHeader.h"

#include "mlir/IR/BuiltinTypes.h"
#include "syna/Execution/ObjectCode.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

namespace syna::tool {

static llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

static llvm::StringRef cType(DType type) {
  switch (type) {
  case DType::F32:
    return "float";
  case DType::F64:
    return "double";
  case DType::I32:
    return "int32_t";
  case DType::I64:
    return "int64_t";
  }
  return "void";
}

/// A dimension name as a C identifier that cannot clash with C's keywords
/// or the function's own names (in<i>, out<i>, syna_*).
static std::string cDimName(llvm::StringRef name) {
  static const llvm::StringSet<> reserved = {
      "auto", "break", "case", "char", "const", "continue", "default", "do",
      "double", "else", "enum", "extern", "float", "for", "goto", "if",
      "inline", "int", "long", "register", "restrict", "return", "short",
      "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
      "unsigned", "void", "volatile", "while", "bool", "true", "false"};
  bool clashes = reserved.contains(name) || name.starts_with("syna_") ||
                 ((name.starts_with("in") || name.starts_with("out")) &&
                  llvm::all_of(name.ltrim("inout"), llvm::isDigit));
  return clashes ? (name + "_").str() : name.str();
}

namespace {
/// The C expressions of every extent of the graph's values.
struct Extents {
  std::vector<std::vector<std::string>> inputs, results;
  /// The dynamic dimensions, in order of first appearance: the C
  /// function's int64_t parameters.
  std::vector<std::string> parameters;
  /// The C name of each input: its .syna name, or in<i>.
  std::vector<std::string> inputNames;
};
} // namespace

/// Each input's .syna name when it is a C identifier that clashes with no
/// keyword, dimension or other input; in<i> otherwise.
static void nameInputs(const GraphSignature &signature, Extents &extents) {
  llvm::StringSet<> taken;
  for (const std::string &dim : extents.parameters)
    taken.insert(dim);
  for (auto [i, spec] : llvm::enumerate(signature.inputs)) {
    llvm::StringRef name = spec.name;
    bool identifier = !name.empty() && !llvm::isDigit(name.front()) &&
                      llvm::all_of(name, [](char c) {
                        return llvm::isAlnum(c) || c == '_';
                      });
    std::string c = identifier ? cDimName(name) : "";
    bool usable = identifier && c == name && !taken.contains(c);
    extents.inputNames.push_back(usable ? c : "in" + std::to_string(i));
    taken.insert(extents.inputNames.back());
  }
}

static llvm::Expected<Extents> extentsOf(const GraphSignature &signature) {
  Extents extents;
  llvm::StringSet<> known;
  for (auto [i, spec] : llvm::enumerate(signature.inputs)) {
    std::vector<std::string> &dims = extents.inputs.emplace_back();
    for (auto [k, extent] : llvm::enumerate(spec.shape)) {
      if (!mlir::ShapedType::isDynamic(extent)) {
        dims.push_back(std::to_string(extent));
        continue;
      }
      llvm::StringRef source = spec.dimName(k);
      std::string name = !source.empty() ? cDimName(source)
                                         : "in" + std::to_string(i) + "_dim" +
                                               std::to_string(k);
      if (known.insert(name).second)
        extents.parameters.push_back(name);
      dims.push_back(name);
    }
  }
  for (auto [i, spec] : llvm::enumerate(signature.results)) {
    std::vector<std::string> &dims = extents.results.emplace_back();
    for (auto [k, extent] : llvm::enumerate(spec.shape)) {
      if (!mlir::ShapedType::isDynamic(extent)) {
        dims.push_back(std::to_string(extent));
        continue;
      }
      llvm::StringRef source = spec.dimName(k);
      if (source.empty() || !known.contains(cDimName(source)))
        return err("result " + llvm::Twine(i) + " of @" + signature.name +
                   " has a dynamic dimension " + llvm::Twine(k) +
                   " that no argument's dimension names, so a caller cannot "
                   "size it before the call; spell it with an argument's "
                   "dimension name in the graph's result type "
                   "(docs/deploy.md)");
      dims.push_back(cDimName(source));
    }
  }
  nameInputs(signature, extents);
  return extents;
}

/// `a*b*c`, or `1` for none.
static std::string product(llvm::ArrayRef<std::string> factors) {
  if (factors.empty())
    return "1";
  std::string text;
  for (const std::string &f : factors)
    text += (text.empty() ? "" : "*") + f;
  return text;
}

static constexpr llvm::StringLiteral kHelpers = R"C(
#ifndef SYNA_RESULT_HELPERS
#define SYNA_RESULT_HELPERS
/* Copies the memref that descriptor `d` describes (allocated and aligned
   pointers, offset, sizes[rank], strides[rank]) into `out`, row-major. */
static inline void syna_copy_result(const int64_t *d, int rank,
                                    size_t element, void *out) {
  const char *base = (const char *)(intptr_t)d[1] + d[2] * (int64_t)element;
  const int64_t *sizes = d + 3, *strides = d + 3 + rank;
  int64_t count = 1, stride = 1;
  int contiguous = 1;
  for (int k = rank - 1; k >= 0; --k) {
    contiguous &= sizes[k] == 1 || strides[k] == stride;
    stride *= sizes[k];
    count *= sizes[k];
  }
  if (contiguous) {
    if (count > 0)
      memcpy(out, base, (size_t)count * element);
    return;
  }
  for (int64_t i = 0; i < count; ++i) {
    int64_t rest = i, offset = 0;
    for (int k = rank - 1; k >= 0; --k) {
      offset += (rest % sizes[k]) * strides[k];
      rest /= sizes[k];
    }
    memcpy((char *)out + i * (int64_t)element, base + offset * (int64_t)element,
           element);
  }
}

/* Frees a returned buffer unless it is null, a constant of the library (the
   0xdeadbeef sentinel), an input or one freed already. */
static inline void syna_free_result(const int64_t *d, const void *const *seen,
                                    int count) {
  void *allocated = (void *)(intptr_t)d[0];
  if (!allocated || allocated == (void *)(intptr_t)0xdeadbeef)
    return;
  for (int i = 0; i < count; ++i)
    if (seen[i] == allocated)
      return;
  free(allocated);
}
#endif
)C";

/// The doc comment of the function: its signature in syna's spelling.
static void writeSignatureComment(llvm::raw_ostream &os,
                                  const CInterface &interface,
                                  const Extents &extents) {
  const GraphSignature &sig = interface.signature;
  auto shapeOf = [](const ValueSpec &spec, llvm::ArrayRef<std::string> dims) {
    if (spec.kind == ValueSpec::Scalar)
      return dtypeName(spec.dtype).str();
    return (dtypeName(spec.dtype) + "[" + llvm::join(dims, ", ") + "]").str();
  };
  os << "/* " << interface.function << "(";
  for (auto [i, spec] : llvm::enumerate(sig.inputs))
    os << (i ? ", " : "") << extents.inputNames[i] << ": "
       << shapeOf(spec, extents.inputs[i]);
  os << ") -> (";
  for (auto [i, spec] : llvm::enumerate(sig.results))
    os << (i ? ", " : "") << "out" << i << ": "
       << shapeOf(spec, extents.results[i]);
  os << ")\n"
     << "   Tensors are row-major arrays; the caller allocates the results.\n"
     << "   Returns 0, or -1 when a dimension is negative. The compiled code\n"
     << "   keeps no state: calls from several threads are safe. */\n";
}

/// `static inline int f(...)`: the parameters, descriptors, call and copies.
static void writeFunction(llvm::raw_ostream &os, const CInterface &interface,
                          const Extents &extents) {
  const GraphSignature &sig = interface.signature;
  std::string entry = packedEntryName(interface.compiledFunction);
  os << "void " << entry << "(void **args);\n\n";
  writeSignatureComment(os, interface, extents);
  os << "static inline int " << interface.function << "(";
  std::vector<std::string> params;
  for (auto [i, spec] : llvm::enumerate(sig.inputs))
    params.push_back(spec.kind == ValueSpec::Scalar
                         ? (cType(spec.dtype) + " " + extents.inputNames[i]).str()
                         : ("const " + cType(spec.dtype) + " *" +
                            extents.inputNames[i]).str());
  for (const std::string &dim : extents.parameters)
    params.push_back("int64_t " + dim);
  for (auto [i, spec] : llvm::enumerate(sig.results))
    params.push_back((cType(spec.dtype) + " *out" + llvm::Twine(i)).str());
  os << llvm::join(params, ", ") << ") {\n";
  for (const std::string &dim : extents.parameters)
    os << "  if (" << dim << " < 0)\n    return -1;\n";

  // The packed entry reads argument j through args[j]: the result buffer's
  // address first, then every word of every input's descriptor.
  size_t resultWords = 0;
  for (const ValueSpec &spec : sig.results)
    resultWords += 3 + 2 * spec.shape.size();
  os << "  int64_t syna_results[" << resultWords << "];\n"
     << "  void *syna_results_at = syna_results;\n";
  std::vector<std::string> args = {"&syna_results_at"};
  for (auto [i, spec] : llvm::enumerate(sig.inputs)) {
    const std::string &in = extents.inputNames[i];
    if (spec.kind == ValueSpec::Scalar) {
      args.push_back("&" + in);
      continue;
    }
    llvm::ArrayRef<std::string> dims = extents.inputs[i];
    std::vector<std::string> words = {"(int64_t)(intptr_t)" + in,
                                      "(int64_t)(intptr_t)" + in, "0"};
    words.insert(words.end(), dims.begin(), dims.end());
    for (size_t k = 0; k < dims.size(); ++k)
      words.push_back(product(dims.drop_front(k + 1)));
    os << "  int64_t syna_desc_" << in << "[" << words.size() << "] = {"
       << llvm::join(words, ", ") << "};\n";
    for (size_t w = 0; w < words.size(); ++w)
      args.push_back("&syna_desc_" + in + "[" + std::to_string(w) + "]");
  }
  os << "  void *syna_args[" << args.size() << "] = {" << llvm::join(args, ", ")
     << "};\n"
     << "  " << entry << "(syna_args);\n";

  // Copy out, then free each returned buffer once.
  std::vector<std::string> seen;
  for (auto [i, spec] : llvm::enumerate(sig.inputs))
    if (spec.kind == ValueSpec::Tensor)
      seen.push_back("(const void *)" + extents.inputNames[i]);
  size_t at = 0;
  std::vector<size_t> offsets;
  for (auto [i, spec] : llvm::enumerate(sig.results)) {
    offsets.push_back(at);
    os << "  syna_copy_result(syna_results + " << at << ", "
       << spec.shape.size() << ", sizeof(" << cType(spec.dtype) << "), out"
       << i << ");\n";
    at += 3 + 2 * spec.shape.size();
  }
  os << "  const void *syna_seen[" << seen.size() + sig.results.size()
     << "] = {" << (seen.empty() ? "0" : llvm::join(seen, ", ")) << "};\n";
  for (size_t i = 0; i < offsets.size(); ++i)
    os << "  syna_free_result(syna_results + " << offsets[i]
       << ", syna_seen, " << seen.size() + i << ");\n"
       << "  syna_seen[" << seen.size() + i
       << "] = (const void *)(intptr_t)syna_results[" << offsets[i] << "];\n";
  os << "  return 0;\n}\n";
}

llvm::Expected<std::string> writeCHeader(const CInterface &interface) {
  llvm::Expected<Extents> extents = extentsOf(interface.signature);
  if (!extents)
    return extents.takeError();
  std::string guard = "SYNA_" + llvm::StringRef(interface.function).upper() + "_H";
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "/* " << interface.function << ".h: " << interface.description
     << "\n   Generated by syna-compile; docs/deploy.md describes the API. */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stddef.h>\n#include <stdint.h>\n#include <stdlib.h>\n"
     << "#include <string.h>\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
     << kHelpers << "\n";
  writeFunction(os, interface, *extents);
  os << "\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
  return text;
}

} // namespace syna::tool
