//===- Shape.cpp - element types, dimensions and tensor shapes ------------===//
#include "syna/Support/Shape.h"

namespace syna {

const char *spell(DType type) {
  switch (type) {
  case DType::F32: return "f32";
  case DType::F64: return "f64";
  case DType::I32: return "i32";
  case DType::I64: return "i64";
  }
  return "?";
}

std::optional<DType> parseDType(std::string_view word) {
  for (DType type : {DType::F32, DType::F64, DType::I32, DType::I64})
    if (word == spell(type))
      return type;
  return std::nullopt;
}

bool compatible(const Dim &a, const Dim &b) {
  if (a.isUnknown() || b.isUnknown())
    return true;
  return a == b;
}

Dim refine(const Dim &a, const Dim &b) {
  if (a.isStatic())
    return a;
  if (b.isStatic())
    return b;
  return a.isNamed() ? a : b;
}

std::string toString(const Dim &dim) {
  if (dim.isStatic())
    return std::to_string(dim.size);
  return dim.isNamed() ? dim.name : "?";
}

bool TensorDesc::hasStaticShape() const {
  for (const Dim &dim : dims)
    if (!dim.isStatic())
      return false;
  return true;
}

bool compatible(const std::vector<Dim> &a, const std::vector<Dim> &b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!compatible(a[i], b[i]))
      return false;
  return true;
}

bool compatible(const TensorDesc &a, const TensorDesc &b) {
  return a.elem == b.elem && compatible(a.dims, b.dims);
}

std::optional<int64_t> staticElementCount(const std::vector<Dim> &dims,
                                          int64_t limit) {
  int64_t count = 1;
  for (const Dim &dim : dims) {
    if (!dim.isStatic())
      continue;
    if (dim.size != 0 && count > limit / dim.size)
      return std::nullopt;
    count *= dim.size;
  }
  return count;
}

} // namespace syna
