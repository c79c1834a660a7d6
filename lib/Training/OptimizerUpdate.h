//===- OptimizerUpdate.h - one optimizer step of one parameter --*- C++ -*-===//
#ifndef SYNA_LIB_TRAINING_OPTIMIZERUPDATE_H
#define SYNA_LIB_TRAINING_OPTIMIZERUPDATE_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {

/// The operands of one update: the gradient of the parameter, the learning
/// rate (f32) and the step count t ≥ 1 (i64) of the train step.
struct UpdateInputs {
  mlir::Value gradient, learningRate, step;
};

/// Emits, at `builder`'s insertion point, the update of `param` by
/// `optimizer` (SGD with momentum, Nesterov and weight decay, or Adam with
/// bias correction) and writes θ and the optimizer state back with
/// syna.param_write. The optimizer state lives in buffer parameters
/// @__opt_m_<name> (and @__opt_v_<name> for Adam), declared in `module`
/// before `stateAnchor` when missing.
void buildOptimizerUpdate(mlir::OpBuilder &builder, mlir::ModuleOp module,
                          mlir::Operation *stateAnchor, ParamOp param,
                          const UpdateInputs &inputs,
                          const OptimizerSpec &optimizer);

} // namespace syna

#endif // SYNA_LIB_TRAINING_OPTIMIZERUPDATE_H
