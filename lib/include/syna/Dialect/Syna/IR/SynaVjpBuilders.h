//===- SynaVjpBuilders.h - IR helpers for vector-Jacobian rules -*- C++ -*-===//
//
// Shared by the rules of the syna ops (SynaVjp.cpp) and the rules that
// syna-autodiff attaches to upstream arith/math ops.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNAVJPBUILDERS_H
#define SYNA_DIALECT_SYNA_IR_SYNAVJPBUILDERS_H

#include "mlir/IR/Builders.h"

namespace syna {

/// A value of `like`'s type, a float tensor or a float, with every element
/// equal to `value`. A static shape gives a splat `arith.constant`; dynamic
/// dimensions are read from `like` with `tensor.dim` and filled by
/// `tensor.splat`.
mlir::Value buildSplatLike(mlir::OpBuilder &builder, mlir::Location loc, mlir::Value like,
                     double value);

/// `value` broadcast to `like`'s type with `syna.broadcast`, or `value`
/// itself when the types agree.
mlir::Value buildBroadcastLike(mlir::OpBuilder &builder, mlir::Location loc, mlir::Value value,
                         mlir::Value like);

/// `adjoint` summed down to `type` with `syna.reduce_to_shape`, or
/// `adjoint` itself when the types agree.
mlir::Value buildReduceToType(mlir::OpBuilder &builder, mlir::Location loc, mlir::Value adjoint,
                        mlir::Type type);

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_SYNAVJPBUILDERS_H
