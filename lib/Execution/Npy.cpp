//===- Npy.cpp - NumPy .npy arrays ----------------------------------------===//
#include "syna/Execution/Npy.h"
#include "syna/Data/InputLimits.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>
#include <cstring>

using namespace syna;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

llvm::StringRef syna::dtypeName(DType t) {
  switch (t) {
  case DType::F32: return "float32";
  case DType::F64: return "float64";
  case DType::I32: return "int32";
  case DType::I64: return "int64";
  }
  return "?";
}

int64_t HostArray::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

double HostArray::at(int64_t i) const {
  const uint8_t *p = data.data() + i * dtypeSize(dtype);
  switch (dtype) {
  case DType::F32: { float v; std::memcpy(&v, p, 4); return v; }
  case DType::F64: { double v; std::memcpy(&v, p, 8); return v; }
  case DType::I32: { int32_t v; std::memcpy(&v, p, 4); return v; }
  case DType::I64: { int64_t v; std::memcpy(&v, p, 8); return (double)v; }
  }
  return 0;
}

void HostArray::set(int64_t i, double v) {
  uint8_t *p = data.data() + i * dtypeSize(dtype);
  switch (dtype) {
  case DType::F32: { float f = (float)v; std::memcpy(p, &f, 4); break; }
  case DType::F64: std::memcpy(p, &v, 8); break;
  case DType::I32: { int32_t x = (int32_t)v; std::memcpy(p, &x, 4); break; }
  case DType::I64: { int64_t x = (int64_t)v; std::memcpy(p, &x, 8); break; }
  }
}

/// Element `i` of an integer array, exactly.
static int64_t integerAt(const HostArray &a, int64_t i) {
  if (a.dtype == DType::I32) {
    int32_t v;
    std::memcpy(&v, a.data.data() + 4 * i, 4);
    return v;
  }
  int64_t v;
  std::memcpy(&v, a.data.data() + 8 * i, 8);
  return v;
}

HostArray HostArray::convertedTo(DType to) const {
  HostArray out;
  out.dtype = to;
  out.shape = shape;
  out.data.resize(numElements() * dtypeSize(to));
  bool integers = !isFloat(dtype) && !isFloat(to);
  for (int64_t i = 0, e = numElements(); i < e; ++i) {
    if (!integers) {
      out.set(i, at(i));
      continue;
    }
    // Integer to integer without a double in between; int64 to int32 keeps
    // the low 32 bits (checkLosslessConversion refuses values that need more).
    int64_t v = integerAt(*this, i);
    if (to == DType::I64) {
      std::memcpy(out.data.data() + 8 * i, &v, 8);
    } else {
      int32_t low = static_cast<int32_t>(static_cast<uint32_t>(v));
      std::memcpy(out.data.data() + 4 * i, &low, 4);
    }
  }
  return out;
}

std::string HostArray::shapeString() const {
  if (shape.empty())
    return "scalar";
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? "x" : "") + std::to_string(shape[i]);
  return s;
}

static llvm::Error npyError(llvm::StringRef path, const llvm::Twine &msg) {
  return createStringError(inconvertibleErrorCode(),
                           (path + ": not a valid .npy file: " + msg).str());
}

/// Value of `'key': value` in the header dict (value up to the next comma
/// at depth 0, or the closing parenthesis of a tuple).
static std::optional<std::string> headerField(llvm::StringRef header,
                                              llvm::StringRef key) {
  std::string quoted = ("'" + key + "'").str();
  size_t pos = header.find(quoted);
  if (pos == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef rest = header.drop_front(pos + quoted.size()).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  rest = rest.ltrim();
  if (rest.starts_with("(")) {
    size_t close = rest.find(')');
    if (close == llvm::StringRef::npos)
      return std::nullopt;
    return rest.take_front(close + 1).str();
  }
  size_t end = rest.find_first_of(",}");
  return rest.take_front(end).trim().str();
}

llvm::Expected<HostArray> syna::readNpy(llvm::StringRef path) {
  if (llvm::sys::fs::is_directory(path))
    return createStringError(
        std::make_error_code(std::errc::is_a_directory),
        "%s: is a directory, not a .npy file", path.str().c_str());
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return createStringError(buffer.getError(),
                             "cannot read '%s': %s", path.str().c_str(),
                             buffer.getError().message().c_str());
  return parseNpy((*buffer)->getBuffer(), path);
}

/// The element type of a `descr`, or an error that lists the supported ones.
static llvm::Expected<DType> parseDescr(llvm::StringRef path,
                                        llvm::StringRef descr) {
  llvm::StringRef d = descr.trim("'\" ");
  if (d == "<f4" || d == "=f4" || d == "f4")
    return DType::F32;
  if (d == "<f8" || d == "=f8" || d == "f8")
    return DType::F64;
  if (d == "<i4" || d == "=i4" || d == "i4")
    return DType::I32;
  if (d == "<i8" || d == "=i8" || d == "i8")
    return DType::I64;
  return npyError(path, "unsupported dtype '" + d +
                            "' (use little-endian float32, float64, int32 or "
                            "int64)");
}

/// The extents of a shape tuple such as `(3, 4)`, at most kMaxRank of them.
static llvm::Error parseShape(llvm::StringRef path, llvm::StringRef text,
                              llvm::SmallVectorImpl<int64_t> &shape) {
  llvm::SmallVector<llvm::StringRef> parts;
  text.trim("() ").split(parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef p : parts) {
    p = p.trim();
    if (p.empty())
      continue;
    int64_t v;
    if (p.getAsInteger(10, v) || v < 0)
      return npyError(path, "bad shape entry '" + p + "'");
    if (shape.size() == data::kMaxRank)
      return npyError(path, "shape has more than " +
                                llvm::Twine(data::kMaxRank) + " dimensions");
    shape.push_back(v);
  }
  return llvm::Error::success();
}

/// The header's length and where it starts, for format versions 1 to 3.
static llvm::Error headerBounds(llvm::StringRef path, llvm::StringRef bytes,
                                size_t &headerLen, size_t &offset) {
  if (bytes.size() < 10 || !bytes.starts_with("\x93NUMPY"))
    return npyError(path, "missing the \\x93NUMPY magic");
  uint8_t major = bytes[6];
  if (major == 1) {
    headerLen = (uint8_t)bytes[8] | ((uint8_t)bytes[9] << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return npyError(path, "truncated header");
    headerLen = (uint32_t)(uint8_t)bytes[8] | ((uint32_t)(uint8_t)bytes[9] << 8) |
                ((uint32_t)(uint8_t)bytes[10] << 16) |
                ((uint32_t)(uint8_t)bytes[11] << 24);
    offset = 12;
  } else {
    return npyError(path, "unsupported version " + llvm::Twine(major));
  }
  if (headerLen > bytes.size() - offset)
    return npyError(path, "truncated header");
  return llvm::Error::success();
}

llvm::Expected<HostArray> syna::parseNpy(llvm::StringRef bytes,
                                         llvm::StringRef path) {
  size_t headerLen = 0, offset = 0;
  if (llvm::Error e = headerBounds(path, bytes, headerLen, offset))
    return std::move(e);
  llvm::StringRef header = bytes.substr(offset, headerLen);
  auto descr = headerField(header, "descr");
  auto order = headerField(header, "fortran_order");
  auto shapeText = headerField(header, "shape");
  if (!descr || !order || !shapeText)
    return npyError(path, "header lacks descr, fortran_order or shape");
  HostArray a;
  llvm::Expected<DType> dtype = parseDescr(path, *descr);
  if (!dtype)
    return dtype.takeError();
  a.dtype = *dtype;
  if (llvm::StringRef(*order).trim() != "False")
    return npyError(path, "Fortran-ordered arrays are not supported; save with "
                          "np.ascontiguousarray");
  if (llvm::Error e = parseShape(path, *shapeText, a.shape))
    return std::move(e);
  // Checked before the copy: the shape may claim more than 64 bits count.
  std::optional<uint64_t> need = data::checkedByteCount(a.shape, dtypeSize(a.dtype));
  if (!need || *need > data::kMaxArrayBytes)
    return npyError(path, "shape " + a.shapeString() + " of " +
                              dtypeName(a.dtype) + " holds " +
                              (need ? std::to_string(*need) + " bytes"
                                    : std::string("more than 2^64 bytes")) +
                              "; the limit is " +
                              llvm::Twine(data::kMaxArrayBytes) + " bytes");
  size_t dataOffset = offset + headerLen;
  size_t available = bytes.size() - dataOffset;
  if (available < *need)
    return npyError(path, "data is truncated: shape " + a.shapeString() +
                              " needs " + llvm::Twine(*need) + " bytes, file has " +
                              llvm::Twine(available));
  if (available > *need)
    return npyError(path, llvm::Twine(available - *need) +
                              " bytes follow the data of shape " +
                              a.shapeString() + " (" + llvm::Twine(*need) +
                              " bytes)");
  a.data.assign(bytes.begin() + dataOffset, bytes.end());
  return a;
}

llvm::Error syna::writeNpy(llvm::StringRef path, const HostArray &a) {
  std::string descr;
  switch (a.dtype) {
  case DType::F32: descr = "<f4"; break;
  case DType::F64: descr = "<f8"; break;
  case DType::I32: descr = "<i4"; break;
  case DType::I64: descr = "<i8"; break;
  }
  // As NumPy writes it: (), (n,), (a, b).
  std::string shape = "(";
  for (size_t i = 0; i < a.shape.size(); ++i)
    shape += (i ? ", " : "") + std::to_string(a.shape[i]);
  if (a.shape.size() == 1)
    shape += ",";
  shape += ")";
  std::string header = "{'descr': '" + descr +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  // Atomically, as checkpoints: a reader never sees half an array.
  return data::writeFileAtomically(path, [&](llvm::raw_ostream &os) {
    os << "\x93NUMPY" << (char)1 << (char)0 << (char)(header.size() & 0xff)
       << (char)(header.size() >> 8) << header;
    os.write(reinterpret_cast<const char *>(a.data.data()), a.data.size());
    return llvm::Error::success();
  });
}

namespace {
struct LiteralParser {
  llvm::StringRef text;
  size_t pos = 0;
  std::vector<double> values;
  std::vector<int64_t> integers; // the values again, when all are integers
  bool allInt = true;
  llvm::SmallVector<int64_t> shape;
  /// The depth of the numbers, once the first is seen: every number must lie
  /// there and no list may (`[1, [2]]` is ragged, not a 2x1 array).
  std::optional<size_t> leafDepth;

  void skip() {
    while (pos < text.size() && isspace((unsigned char)text[pos]))
      ++pos;
  }
  llvm::Error error(const llvm::Twine &msg) {
    return createStringError(inconvertibleErrorCode(),
                             ("bad array literal at column " + llvm::Twine(pos + 1) +
                              ": " + msg).str());
  }
  llvm::Error parse(size_t depth) {
    skip();
    if (pos < text.size() && text[pos] == '[') {
      // One level of recursion per '[': bounded so that "[[[[..." cannot
      // exhaust the stack.
      if (depth == data::kMaxRank)
        return error("lists nested deeper than " +
                     llvm::Twine(data::kMaxRank) + " levels");
      if (leafDepth && depth >= *leafDepth)
        return error("ragged nested lists");
      ++pos;
      int64_t count = 0;
      skip();
      if (pos < text.size() && text[pos] == ']')
        return error("empty list");
      while (true) {
        if (auto e = parse(depth + 1))
          return e;
        ++count;
        skip();
        if (pos < text.size() && text[pos] == ',') {
          ++pos;
          continue;
        }
        if (pos < text.size() && text[pos] == ']') {
          ++pos;
          break;
        }
        return error("expected ',' or ']'");
      }
      if (shape.size() <= depth)
        shape.resize(depth + 1, -1);
      if (shape[depth] == -1)
        shape[depth] = count;
      else if (shape[depth] != count)
        return error("ragged nested lists");
      return llvm::Error::success();
    }
    size_t start = pos;
    while (pos < text.size() && !strchr(",] \t\n", text[pos]))
      ++pos;
    llvm::StringRef tok = text.slice(start, pos);
    double v;
    if (tok.empty() || tok.getAsDouble(v))
      return error("expected a number, got '" + tok + "'");
    // Integers keep all 64 bits (a double holds 53); one that int64 cannot
    // hold makes the literal float64.
    int64_t integer = 0;
    if (tok.find_first_of(".eEnN") != llvm::StringRef::npos ||
        tok.getAsInteger(10, integer))
      allInt = false;
    integers.push_back(integer);
    if (shape.size() > depth || (leafDepth && *leafDepth != depth))
      return error("ragged nested lists");
    leafDepth = depth;
    values.push_back(v);
    return llvm::Error::success();
  }
};
} // namespace

llvm::Expected<HostArray> syna::parseLiteral(llvm::StringRef text,
                                             bool preferInt) {
  LiteralParser p{text};
  if (auto e = p.parse(0))
    return std::move(e);
  p.skip();
  if (p.pos != text.size())
    return p.error("trailing characters");
  HostArray a;
  a.dtype = (preferInt && p.allInt) ? DType::I64 : DType::F64;
  a.shape = p.shape;
  a.data.resize(p.values.size() * 8);
  if (a.numElements() != (int64_t)p.values.size())
    return p.error("ragged nested lists");
  if (a.dtype == DType::I64)
    std::memcpy(a.data.data(), p.integers.data(), a.data.size());
  else
    for (size_t i = 0; i < p.values.size(); ++i)
      a.set(i, p.values[i]);
  return a;
}

static void printRec(llvm::raw_ostream &os, const HostArray &a, size_t dim,
                     int64_t offset, int64_t stride) {
  if (dim == a.shape.size()) {
    // Integers print exactly (through a double, int64 values beyond 2^53
    // would change, and those beyond 2^63 are undefined behaviour).
    if (a.dtype == DType::I32 || a.dtype == DType::I64)
      os << integerAt(a, offset);
    else
      os << llvm::format("%.7g", a.at(offset));
    return;
  }
  int64_t n = a.shape[dim];
  int64_t inner = stride / std::max<int64_t>(n, 1);
  os << '[';
  for (int64_t i = 0; i < n; ++i) {
    if (n > 8 && i == 3) {
      os << (dim + 1 == a.shape.size() ? "..., " : "...,\n ");
      i = n - 3;
    }
    printRec(os, a, dim + 1, offset + i * inner, inner);
    if (i + 1 < n)
      os << (dim + 1 == a.shape.size() ? ", " : ",\n ");
  }
  os << ']';
}

void syna::printArray(llvm::raw_ostream &os, const HostArray &a) {
  // An empty array has nothing to print; walking its other dimensions would
  // take time exponential in the rank (a .npy of shape (0, 99, 99, ...)).
  if (a.numElements() == 0) {
    os << "[]";
    return;
  }
  printRec(os, a, 0, 0, a.numElements());
}

llvm::Error syna::checkLosslessConversion(const HostArray &array, DType to,
                                          llvm::StringRef source) {
  auto fail = [&](const llvm::Twine &message) {
    return createStringError(inconvertibleErrorCode(),
                             (source + ": " + message).str());
  };
  if (array.dtype == DType::F64 && to == DType::F32)
    return fail("holds float64 values but float32 is expected; syna does not "
                "round them silently: save the array as float32 "
                "(numpy.save(path, array.astype(numpy.float32)))");
  if (array.dtype == DType::I64 && to == DType::I32)
    for (int64_t i = 0, e = array.numElements(); i < e; ++i) {
      int64_t value;
      std::memcpy(&value, array.data.data() + 8 * i, 8);
      if (value < INT32_MIN || value > INT32_MAX)
        return fail("element " + llvm::Twine(i) + " = " + llvm::Twine(value) +
                    " does not fit the int32 that is expected");
    }
  return llvm::Error::success();
}
