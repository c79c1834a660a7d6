//===- ShapeChecks.h - shape checks shared by the op verifiers --*- C++ -*-===//
//
// Private to the dialect library: the forward ops (SynaOps.cpp) and the
// gradient ops (SynaGradOps.cpp) check shapes and print them the same way.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_SHAPECHECKS_H
#define SYNA_DIALECT_SYNA_IR_SHAPECHECKS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace mlir::syna {

inline RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Prints a shape the way users write it: 8x?x4, or "scalar" for rank 0.
inline std::string shapeString(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (ShapedType::isDynamic(dim))
          os << '?';
        else
          os << dim;
      },
      "x");
  return out;
}

inline bool dimsCompatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

/// All operands and results share one element type.
inline LogicalResult verifySameElementType(Operation *op) {
  Type expected;
  for (Type type : llvm::concat<Type>(op->getOperandTypes(),
                                      op->getResultTypes())) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor)
      continue;
    if (!expected)
      expected = tensor.getElementType();
    else if (tensor.getElementType() != expected)
      return op->emitOpError("mixes element types ")
             << expected << " and " << tensor.getElementType();
  }
  return success();
}

inline LogicalResult verifyRank(Operation *op, Value value, StringRef name,
                                ArrayRef<int64_t> ranks) {
  int64_t rank = tensorType(value).getRank();
  if (llvm::is_contained(ranks, rank))
    return success();
  auto diag = op->emitOpError() << name << " must have rank ";
  llvm::interleave(ranks, diag, " or ");
  return diag << ", got " << shapeString(tensorType(value).getShape());
}

/// `value` must be a vector of `size` elements.
inline LogicalResult verifyVector(Operation *op, Value value, StringRef name,
                                  int64_t size, StringRef sizeName) {
  if (!value)
    return success();
  ArrayRef<int64_t> shape = tensorType(value).getShape();
  if (shape.size() != 1 || !dimsCompatible(shape[0], size))
    return op->emitOpError() << name << " must have shape "
                             << shapeString({size}) << " (" << sizeName
                             << "), got " << shapeString(shape);
  return success();
}

inline LogicalResult verifyResultShape(Operation *op, RankedTensorType result,
                                       ArrayRef<int64_t> expected) {
  if (result.getRank() == static_cast<int64_t>(expected.size()) &&
      llvm::all_of(llvm::zip(result.getShape(), expected), [](auto dims) {
        return dimsCompatible(std::get<0>(dims), std::get<1>(dims));
      }))
    return success();
  return op->emitOpError("result shape ")
         << shapeString(result.getShape()) << " should be "
         << shapeString(expected);
}

inline LogicalResult verifyWindowAttr(Operation *op, StringRef name,
                                      ArrayRef<int64_t> values, int64_t min) {
  if (values.size() != 2)
    return op->emitOpError() << name << " must have 2 entries (h, w), got "
                             << values.size();
  if (values[0] < min || values[1] < min)
    return op->emitOpError() << name << " entries must be at least " << min;
  return success();
}

/// Output extent of a sliding window, or dynamic when the input is.
inline int64_t windowExtent(int64_t input, int64_t pad, int64_t kernel,
                            int64_t stride) {
  if (ShapedType::isDynamic(input) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  return (input + 2 * pad - kernel) / stride + 1;
}

/// Checks that the windows fit and returns the expected NCHW output shape.
inline FailureOr<SmallVector<int64_t>>
windowedShape(Operation *op, ArrayRef<int64_t> input, int64_t channels,
              ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
              ArrayRef<int64_t> padding) {
  SmallVector<int64_t> shape = {input[0], channels};
  for (int i = 0; i < 2; ++i) {
    int64_t padded = ShapedType::isDynamic(input[2 + i])
                         ? ShapedType::kDynamic
                         : input[2 + i] + 2 * padding[i];
    if (!ShapedType::isDynamic(padded) && !ShapedType::isDynamic(kernel[i]) &&
        kernel[i] > padded)
      return op->emitOpError("window ")
             << shapeString(kernel) << " is larger than the padded input "
             << shapeString({input[2] + 2 * padding[0],
                             input[3] + 2 * padding[1]});
    shape.push_back(windowExtent(input[2 + i], padding[i], kernel[i],
                                 strides[i]));
  }
  return shape;
}

} // namespace mlir::syna

#endif // SYNA_DIALECT_SYNA_IR_SHAPECHECKS_H
