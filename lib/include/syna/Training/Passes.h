//===- Passes.h - syna training passes --------------------------*- C++ -*-===//
#ifndef SYNA_TRAINING_PASSES_H
#define SYNA_TRAINING_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"

namespace syna {

#define GEN_PASS_DECL
#include "syna/Training/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "syna/Training/Passes.h.inc"

/// Names of the functions and buffers the passes emit (docs/training.md).
inline constexpr llvm::StringLiteral kLossFn = "__syna_loss";
inline constexpr llvm::StringLiteral kTrainStepFn = "__syna_train_step";
inline constexpr llvm::StringLiteral kEvalStepFn = "__syna_eval_step";
inline constexpr llvm::StringLiteral kPredictFn = "__syna_predict";
inline constexpr llvm::StringLiteral kGetPrefix = "__syna_get_";
inline constexpr llvm::StringLiteral kSetPrefix = "__syna_set_";
inline constexpr llvm::StringLiteral kOptPrefix = "__opt_";
inline constexpr llvm::StringLiteral kProbeFn = "__syna_probe";

/// The synapse tensors that syna-build-probe-step probes, in its order:
/// every syna.synapse_dense of `graph` whose β is a syna.param_ref.
llvm::SmallVector<mlir::Operation *> probedSynapses(mlir::func::FuncOp graph);

} // namespace syna

#endif // SYNA_TRAINING_PASSES_H
