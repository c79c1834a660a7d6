//===- Signature.cpp - modules, their functions and their inputs ---------===//
#include "syna/Execution/Signature.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/FileUtilities.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Frontend/Import.h"
#include "syna/ParseMlir.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>
#include <map>

using namespace mlir;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

namespace syna {

static llvm::Error err(const llvm::Twine &msg) {
  return createStringError(inconvertibleErrorCode(), msg.str());
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp> loadModule(llvm::StringRef path, MLIRContext &context) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input = mlir::openInputFile(path, &error);
  if (!input) {
    emitError(UnknownLoc::get(&context)) << error;
    return nullptr;
  }
  auto file = std::make_shared<frontend::SourceFile>(
      path.str(), input->getBuffer().str());
  // Whatever reports a problem at a position of the file later (the
  // parser, the verifier, a pass of the lowering) shows it as the front end
  // does: file:line:col, the line and a caret.
  frontend::registerSourceDiagnostics(context, file, llvm::errs());
  if (!path.ends_with(".syna"))
    return parseMlirModule(file->text(), path, context);
  return frontend::importSynaFile(*file, context, llvm::errs());
}

//===----------------------------------------------------------------------===//
// Signatures and validation
//===----------------------------------------------------------------------===//

std::string ValueSpec::describe() const {
  std::string s;
  llvm::raw_string_ostream os(s);
  if (kind == Scalar)
    return dtypeName(dtype).str() + " scalar";
  os << "tensor<";
  for (int64_t d : shape)
    os << (ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d)) << "x";
  os << dtypeName(dtype) << ">";
  return s;
}

static std::optional<DType> dtypeOf(Type t) {
  if (t.isF32())
    return DType::F32;
  if (t.isF64())
    return DType::F64;
  if (t.isInteger(32) || t.isIndex())
    return t.isIndex() ? DType::I64 : DType::I32;
  if (t.isInteger(64))
    return DType::I64;
  return std::nullopt;
}

static llvm::Expected<ValueSpec> specOf(Type t) {
  ValueSpec s;
  if (auto tensor = dyn_cast<RankedTensorType>(t)) {
    auto d = dtypeOf(tensor.getElementType());
    if (!d)
      return err("unsupported element type");
    s.dtype = *d;
    s.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
    return s;
  }
  auto d = dtypeOf(t);
  if (!d)
    return err("unsupported type");
  s.kind = ValueSpec::Scalar;
  s.dtype = *d;
  return s;
}

/// "@f, @g", the module's public graphs.
static std::string graphNames(ModuleOp module) {
  std::string names;
  for (auto f : module.getOps<func::FuncOp>())
    if (!f.isExternal() && f.isPublic())
      names += (names.empty() ? "" : ", ") + ("@" + f.getSymName()).str();
  return names.empty() ? "none" : names;
}

llvm::Expected<std::string> selectGraph(ModuleOp module,
                                        llvm::StringRef requested) {
  if (!requested.empty())
    return requested.str();
  std::vector<func::FuncOp> graphs;
  for (auto f : module.getOps<func::FuncOp>())
    if (!f.isExternal() && f.isPublic())
      graphs.push_back(f);
  if (graphs.size() == 1)
    return graphs.front().getSymName().str();
  return err("which graph? give --graph NAME (graphs: " + graphNames(module) +
             ")");
}

llvm::Expected<GraphSignature> graphSignature(ModuleOp module,
                                                    llvm::StringRef graph) {
  auto func = module.lookupSymbol<func::FuncOp>(graph);
  if (!func || func.isExternal())
    return err("no graph @" + graph + " in the module (graphs: " +
               graphNames(module) + ")");
  GraphSignature sig;
  sig.name = graph.str();
  // One array of names per argument, one per dimension (verified; a pass
  // that changed the arguments and kept the names leaves them unused).
  auto dimNames = func->getAttrOfType<ArrayAttr>(kDimNamesAttrName);
  if (dimNames && dimNames.size() != func.getNumArguments())
    dimNames = {};
  auto resultDimNames = func->getAttrOfType<ArrayAttr>(kResultDimNamesAttrName);
  if (resultDimNames && resultDimNames.size() != func.getNumResults())
    resultDimNames = {};
  auto addNames = [](ValueSpec &spec, ArrayAttr perValue, size_t i) {
    auto names = perValue ? dyn_cast<ArrayAttr>(perValue[i]) : ArrayAttr();
    if (names && names.size() == spec.shape.size())
      for (Attribute name : names)
        if (auto text = dyn_cast<StringAttr>(name))
          spec.dimNames.push_back(text.str());
  };
  for (auto [i, t] : llvm::enumerate(func.getArgumentTypes())) {
    auto s = specOf(t);
    if (!s)
      return err("input " + llvm::Twine(i) + " of @" + graph + " has type " +
                 llvm::Twine(llvm::toString(s.takeError())) +
                 " that syna-run cannot pass");
    addNames(*s, dimNames, i);
    if (auto name = dyn_cast<NameLoc>(func.getArgument(i).getLoc()))
      s->name = name.getName().str();
    sig.inputs.push_back(*s);
  }
  for (auto [i, t] : llvm::enumerate(func.getResultTypes())) {
    auto s = specOf(t);
    if (!s || s->kind != ValueSpec::Tensor) {
      if (!s)
        llvm::consumeError(s.takeError());
      return err("result " + llvm::Twine(i) + " of @" + graph +
                 " must be a tensor of f32, f64, i32 or i64");
    }
    addNames(*s, resultDimNames, i);
    sig.results.push_back(*s);
  }
  return sig;
}


namespace {
/// The extent each dimension name took, and the input that gave it.
using DynamicExtents = std::map<std::string, std::pair<int64_t, size_t>>;
} // namespace

/// Binds the named dynamic dimensions of input `index` (`a`, of spec `s`);
/// a name bound before must have the same extent. Unnamed dynamic
/// dimensions (plain MLIR) are independent here: checkExtents holds them
/// to what the ops demand.
static llvm::Error bindDynamicExtents(const ValueSpec &s, const HostArray &a,
                                      size_t index, const std::string &what,
                                      DynamicExtents &extents) {
  for (size_t d = 0; d < s.shape.size(); ++d) {
    if (!ShapedType::isDynamic(s.shape[d]))
      continue;
    std::string name = s.dimName(d).str();
    if (name.empty())
      continue;
    auto [it, inserted] = extents.try_emplace(name, a.shape[d], index);
    if (inserted || it->second.first == a.shape[d])
      continue;
    std::string dim = "dimension " + name;
    return err(what + " has " + dim + " " + llvm::Twine(a.shape[d]) +
               " but input " + llvm::Twine(it->second.second) + " has " + dim +
               " " + llvm::Twine(it->second.first));
  }
  return llvm::Error::success();
}

llvm::Error validateInputs(const GraphSignature &sig,
                                 std::vector<HostArray> &inputs) {
  if (inputs.size() != sig.inputs.size()) {
    std::string expected;
    for (auto [i, s] : llvm::enumerate(sig.inputs))
      expected += "\n  input " + std::to_string(i) + ": " + s.describe();
    return err("@" + sig.name + " takes " + llvm::Twine(sig.inputs.size()) +
               " input(s) but " + llvm::Twine(inputs.size()) +
               " were given" +
               (inputs.size() < sig.inputs.size() ? " (missing input " +
                    llvm::Twine(inputs.size()) + ")" : llvm::Twine("")) +
               "; expected:" + expected);
  }
  DynamicExtents extents;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ValueSpec &s = sig.inputs[i];
    HostArray &a = inputs[i];
    std::string what = "input " + std::to_string(i) + " of @" + sig.name +
                       " (" + s.describe() + ")";
    if (isFloat(a.dtype) != isFloat(s.dtype))
      return err(what + " cannot take " + dtypeName(a.dtype) + " values");
    if (s.kind == ValueSpec::Scalar) {
      if (a.numElements() != 1 || !a.shape.empty())
        return err(what + " is a scalar but got shape " + a.shapeString());
    } else {
      if (a.shape.size() != s.shape.size())
        return err(what + " has rank " + llvm::Twine(s.shape.size()) +
                   " but got shape " + a.shapeString());
      for (size_t d = 0; d < s.shape.size(); ++d)
        if (!ShapedType::isDynamic(s.shape[d]) && s.shape[d] != a.shape[d])
          return err(what + ": dimension " + llvm::Twine(d) + " must be " +
                     llvm::Twine(s.shape[d]) + " but got shape " +
                     a.shapeString());
      if (llvm::Error e = bindDynamicExtents(s, a, i, what, extents))
        return e;
    }
    if (a.dtype != s.dtype)
      a = a.convertedTo(s.dtype);
  }
  return llvm::Error::success();
}

static std::string indexString(llvm::ArrayRef<int64_t> shape, int64_t flat) {
  std::vector<int64_t> idx(shape.size());
  for (int64_t d = (int64_t)shape.size() - 1; d >= 0; --d) {
    idx[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::string s = "[";
  for (size_t i = 0; i < idx.size(); ++i)
    s += (i ? ", " : "") + std::to_string(idx[i]);
  return s + "]";
}

std::string sourceOf(Location location) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto flc = location->findInstanceOf<FileLineColLoc>())
    os << flc.getFilename().getValue() << ":" << flc.getLine() << ":"
       << flc.getColumn();
  else
    location.print(os);
  return text;
}

llvm::Error checkDomains(ModuleOp module, llvm::StringRef graph,
                         const std::vector<HostArray> &inputs) {
  auto func = module.lookupSymbol<func::FuncOp>(graph);
  if (!func || func.isExternal())
    return llvm::Error::success();
  for (BlockArgument arg : func.getArguments()) {
    if (arg.getArgNumber() >= inputs.size())
      break;
    const HostArray &a = inputs[arg.getArgNumber()];
    for (OpOperand &use : arg.getUses()) {
      Operation *user = use.getOwner();
      std::optional<OperandDomain> domain =
          getOperandDomain(user, use.getOperandNumber());
      if (!domain)
        continue;
      Interval interval = operandInterval(user, *domain);
      for (int64_t i = 0, e = a.numElements(); i < e; ++i) {
        double v = a.at(i);
        if (contains(interval, v))
          continue;
        return err("input " + llvm::Twine(arg.getArgNumber()) + " of @" +
                   graph + ": element " + indexString(a.shape, i) + " = " +
                   llvm::formatv("{0}", llvm::format("%g", v)).str() +
                   " lies outside " + describe(interval) +
                   ", the domain of operand '" + domain->name + "' of " +
                   user->getName().getStringRef() + " at " + sourceOf(user->getLoc()));
      }
    }
  }
  return llvm::Error::success();
}

} // namespace syna
