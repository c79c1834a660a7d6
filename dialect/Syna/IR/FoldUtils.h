//===- FoldUtils.h - constant evaluation for the syna folders ---*- C++ -*-===//
//
// Constant folding evaluates in double precision with the scalar reference
// functions (ScalarFunctions.h) and refuses to fold when a value would not
// be finite, so a domain error stays visible as an op instead of becoming a
// NaN constant. Private to the dialect library.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_FOLDUTILS_H
#define SYNA_DIALECT_SYNA_IR_FOLDUTILS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include <cmath>
#include <optional>
#include <type_traits>

namespace syna {

/// A splat constant's value, if `attr` is one.
inline std::optional<double> splatValue(mlir::Attribute attr) {
  auto dense = llvm::dyn_cast_or_null<mlir::DenseFPElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return std::nullopt;
  return dense.getSplatValue<llvm::APFloat>().convertToDouble();
}

inline llvm::APFloat toElementType(double value, mlir::Type elementType) {
  llvm::APFloat result(value);
  bool losesInfo;
  result.convert(llvm::cast<mlir::FloatType>(elementType).getFloatSemantics(),
                 llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  return result;
}

/// A splat of `value` in `type`'s element type, or null when it would not
/// be finite there (1e40 is finite in f64 but not in f32).
inline mlir::Attribute splatOf(mlir::ShapedType type, double value) {
  if (!type.hasStaticShape() || !std::isfinite(value))
    return {};
  llvm::APFloat element = toElementType(value, type.getElementType());
  if (!element.isFinite())
    return {};
  return mlir::DenseElementsAttr::get(type, element);
}

/// Applies `fn` to every element of a constant operand.
inline mlir::Attribute foldElementwise(mlir::Attribute operand, mlir::ShapedType type,
                                 double (*fn)(double)) {
  auto dense = llvm::dyn_cast_or_null<mlir::DenseFPElementsAttr>(operand);
  if (!dense || !type.hasStaticShape())
    return {};
  if (dense.isSplat())
    return splatOf(type, fn(dense.getSplatValue<llvm::APFloat>().convertToDouble()));
  llvm::SmallVector<llvm::APFloat> values;
  values.reserve(dense.getNumElements());
  for (const llvm::APFloat &element : dense.getValues<llvm::APFloat>()) {
    llvm::APFloat value =
        toElementType(fn(element.convertToDouble()), type.getElementType());
    if (!value.isFinite())
      return {};
    values.push_back(value);
  }
  return mlir::DenseElementsAttr::get(type, values);
}

/// How Syna_UnaryOp folds a chain of two ops (its `chainFold`).
template <typename P> struct InverseOf { using Producer = P; }; // f(P(x)) = x
struct Idempotent {};                                          // f(f(x)) = f(x)

/// The folder of an elementwise function of one tensor (Syna_UnaryOp);
/// constants are evaluated with `fn`.
template <typename ChainFold, typename Op>
mlir::OpFoldResult foldUnary(Op op, mlir::Attribute input,
                             double (*fn)(double)) {
  if constexpr (std::is_same_v<ChainFold, Idempotent>) {
    if (op.getInput().template getDefiningOp<Op>())
      return op.getInput();
  } else if constexpr (!std::is_void_v<ChainFold>) {
    using Producer = typename ChainFold::Producer;
    if (auto inner = op.getInput().template getDefiningOp<Producer>())
      return inner.getInput();
  }
  return foldElementwise(input, op.getType(), fn);
}

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_FOLDUTILS_H
