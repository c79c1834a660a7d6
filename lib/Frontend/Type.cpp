//===- Type.cpp - the types the semantic checks reason about --------------===//
#include "syna/Frontend/Type.h"

#include "syna/Frontend/Diagnostics.h"

using namespace syna::frontend;

bool Type::hasStaticShape() const {
  for (const Dim &dim : dims)
    if (!dim.isStatic())
      return false;
  return true;
}

bool syna::frontend::compatible(const Type &a, const Type &b) {
  if (a.kind != b.kind)
    return false;
  if (a.kind != Type::Tensor)
    return true;
  return a.elem == b.elem && syna::compatible(a.dims, b.dims);
}

std::string syna::frontend::shapeString(const std::vector<Dim> &dims) {
  std::string out = "[";
  for (size_t i = 0; i < dims.size(); ++i)
    out += (i ? ", " : "") + toString(dims[i]);
  return out + "]";
}

std::string syna::frontend::toString(const Type &type) {
  switch (type.kind) {
  case Type::Error: return "<error>";
  case Type::Key: return "i64";
  case Type::Number: return concat("the number ", type.number);
  case Type::Tensor: return spell(type.elem) + shapeString(type.dims);
  }
  return "?";
}
