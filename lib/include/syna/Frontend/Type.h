//===- Type.h - the types the semantic checks reason about ------*- C++ -*-===//
//
// A .syna value is a tensor (element type and shape), a dropout key (a
// plain i64), or a compile-time number. Tensor dimensions are static sizes,
// named dimensions (the batch `B` of a graph signature) or unknown (what a
// convolution over a named height produces). Named and unknown dimensions
// become `?` in MLIR; the names only exist to check that a graph uses its
// dimensions consistently.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_TYPE_H
#define SYNA_FRONTEND_TYPE_H

#include "syna/Support/Shape.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace syna::frontend {

struct Type {
  enum Kind : uint8_t {
    Error,  // already diagnosed: suppresses follow-on errors
    Tensor, // a ranked tensor
    Key,    // a plain i64 (dropout keys)
    Number, // a compile-time constant, materialized where it is used
  };
  Kind kind = Error;
  DType elem = DType::F32;
  std::vector<Dim> dims;
  double number = 0;
  bool integral = false; // Number written without fraction or exponent

  static Type error() { return {}; }
  static Type tensor(DType elem, std::vector<Dim> dims) {
    Type type;
    type.kind = Tensor;
    type.elem = elem;
    type.dims = std::move(dims);
    return type;
  }
  static Type key() {
    Type type;
    type.kind = Key;
    type.elem = DType::I64;
    return type;
  }
  static Type num(double value, bool integral) {
    Type type;
    type.kind = Number;
    type.number = value;
    type.integral = integral;
    return type;
  }

  bool isError() const { return kind == Error; }
  bool isTensor() const { return kind == Tensor; }
  bool isFloatTensor() const { return kind == Tensor && isFloat(elem); }
  bool isNumber() const { return kind == Number; }
  size_t rank() const { return dims.size(); }
  bool hasStaticShape() const;
};

/// Tensors with the same element type and rank and compatible dimensions.
bool compatible(const Type &a, const Type &b);

/// How users write the type: f32[B, 64], f32[] for a scalar tensor, i64 for
/// a key, "a number" for a constant; unknown dimensions print as `?`.
std::string toString(const Type &type);
std::string shapeString(const std::vector<Dim> &dims);

} // namespace syna::frontend

#endif // SYNA_FRONTEND_TYPE_H
