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
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace syna {

/// Prints a shape the way users write it: 8x?x4, or "scalar" for rank 0.
inline std::string shapeString(mlir::ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (mlir::ShapedType::isDynamic(dim))
          os << '?';
        else
          os << dim;
      },
      "x");
  return out;
}

inline bool dimsCompatible(int64_t a, int64_t b) {
  return mlir::ShapedType::isDynamic(a) || mlir::ShapedType::isDynamic(b) || a == b;
}

/// All operands and results share one element type.
inline mlir::LogicalResult verifySameElementType(mlir::Operation *op) {
  mlir::Type expected;
  for (mlir::Type type : llvm::concat<mlir::Type>(op->getOperandTypes(),
                                      op->getResultTypes())) {
    auto tensor = llvm::dyn_cast<mlir::RankedTensorType>(type);
    if (!tensor)
      continue;
    if (!expected)
      expected = tensor.getElementType();
    else if (tensor.getElementType() != expected)
      return op->emitOpError("mixes element types ")
             << expected << " and " << tensor.getElementType();
  }
  return mlir::success();
}

inline mlir::LogicalResult verifyRank(mlir::Operation *op, mlir::Value value, mlir::StringRef name,
                                mlir::ArrayRef<int64_t> ranks) {
  int64_t rank = tensorType(value).getRank();
  if (llvm::is_contained(ranks, rank))
    return mlir::success();
  auto diag = op->emitOpError() << name << " must have rank ";
  llvm::interleave(ranks, diag, " or ");
  return diag << ", got " << shapeString(tensorType(value).getShape());
}

/// `value` must be a vector of `size` elements.
inline mlir::LogicalResult verifyVector(mlir::Operation *op, mlir::Value value, mlir::StringRef name,
                                  int64_t size, mlir::StringRef sizeName) {
  if (!value)
    return mlir::success();
  mlir::ArrayRef<int64_t> shape = tensorType(value).getShape();
  if (shape.size() != 1 || !dimsCompatible(shape[0], size))
    return op->emitOpError() << name << " must have shape "
                             << shapeString({size}) << " (" << sizeName
                             << "), got " << shapeString(shape);
  return mlir::success();
}

inline mlir::LogicalResult verifyResultShape(mlir::Operation *op, mlir::RankedTensorType result,
                                       mlir::ArrayRef<int64_t> expected) {
  if (result.getRank() == static_cast<int64_t>(expected.size()) &&
      llvm::all_of(llvm::zip(result.getShape(), expected), [](auto dims) {
        return dimsCompatible(std::get<0>(dims), std::get<1>(dims));
      }))
    return mlir::success();
  return op->emitOpError("result shape ")
         << shapeString(result.getShape()) << " should be "
         << shapeString(expected);
}

inline mlir::LogicalResult verifyWindowAttr(mlir::Operation *op, mlir::StringRef name,
                                      mlir::ArrayRef<int64_t> values, int64_t min) {
  if (values.size() != 2)
    return op->emitOpError() << name << " must have 2 entries (h, w), got "
                             << values.size();
  if (values[0] < min || values[1] < min)
    return op->emitOpError() << name << " entries must be at least " << min;
  return mlir::success();
}

/// Output extent of a sliding window, or dynamic when the input is.
inline int64_t windowExtent(int64_t input, int64_t pad, int64_t kernel,
                            int64_t stride) {
  if (mlir::ShapedType::isDynamic(input) || mlir::ShapedType::isDynamic(kernel))
    return mlir::ShapedType::kDynamic;
  return (input + 2 * pad - kernel) / stride + 1;
}

/// Checks that the windows fit and returns the expected NCHW output shape.
inline mlir::FailureOr<mlir::SmallVector<int64_t>>
windowedShape(mlir::Operation *op, mlir::ArrayRef<int64_t> input, int64_t channels,
              mlir::ArrayRef<int64_t> kernel, mlir::ArrayRef<int64_t> strides,
              mlir::ArrayRef<int64_t> padding) {
  mlir::SmallVector<int64_t> shape = {input[0], channels};
  for (int i = 0; i < 2; ++i) {
    int64_t padded = mlir::ShapedType::isDynamic(input[2 + i])
                         ? mlir::ShapedType::kDynamic
                         : input[2 + i] + 2 * padding[i];
    if (!mlir::ShapedType::isDynamic(padded) && !mlir::ShapedType::isDynamic(kernel[i]) &&
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

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_SHAPECHECKS_H
