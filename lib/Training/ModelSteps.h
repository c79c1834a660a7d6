//===- ModelSteps.h - what the train, eval and predict steps share -*- C++ -*-===//
//
// The compiled steps of a model (syna-build-train-step,
// syna-build-eval-step) are built from the model's graph with the same
// pieces, so that the loss and the accuracy are defined once, in IR, and
// no host code recomputes them (docs/training.md).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_LIB_TRAINING_MODELSTEPS_H
#define SYNA_LIB_TRAINING_MODELSTEPS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "syna/Dialect/Syna/IR/SynaAttrs.h"

namespace syna {

/// The labels a step takes: tensor<?xi32>.
mlir::RankedTensorType labelsType(mlir::MLIRContext *context);

/// Clones the body of `graph` (one block, returning the class scores) at the
/// builder's insertion point with `x` and `key` (null when the graph takes
/// none) for its arguments; returns the scores.
mlir::Value cloneGraphBody(mlir::OpBuilder &builder, mlir::func::FuncOp graph,
                           mlir::Value x, mlir::Value key);

/// The model's loss of `scores` [B, C] against `labels` [B], as a scalar
/// tensor.
mlir::Value buildLoss(mlir::OpBuilder &builder, mlir::Location loc,
                      LossKind loss, mlir::Value scores, mlir::Value labels,
                      Reduction reduction);

/// The largest value of each row of `values` [B, C] and its first index
/// (i64): the predicted class.
std::pair<mlir::Value, mlir::Value>
buildRowMaxAndArgmax(mlir::OpBuilder &builder, mlir::Location loc,
                     mlir::Value values);

/// How many rows of `scores` have their largest score at the label: a
/// tensor<i64>.
mlir::Value buildCorrectCount(mlir::OpBuilder &builder, mlir::Location loc,
                              mlir::Value scores, mlir::Value labels);

/// The model's spec; the dialect verified it and its graph
/// (SynaDialect::verifyOperationAttribute).
mlir::FailureOr<ModelSpec> readModel(mlir::ModuleOp module,
                                     llvm::StringRef pass);

} // namespace syna

#endif // SYNA_LIB_TRAINING_MODELSTEPS_H
