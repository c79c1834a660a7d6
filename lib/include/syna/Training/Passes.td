//===- Passes.td - syna training passes --------------------*- tablegen -*-===//
#ifndef SYNA_TRAINING_PASSES_TD
#define SYNA_TRAINING_PASSES_TD

include "mlir/Pass/PassBase.td"

def SynaBuildTrainStep : Pass<"syna-build-train-step", "::mlir::ModuleOp"> {
  let summary = "emit a compiled training step from the module's syna.model";
  let description = [{
    Reads the `syna.model` attribute of the module and emits:

    * `@__syna_loss(x, labels, key) -> (loss, out, stats...)`: the model's
      graph with `training` set on every `syna.dropout` and `syna.batch_norm`,
      followed by the loss (`nll_loss` on log-probabilities or
      `cross_entropy` on logits, mean over the batch); `stats` are the new
      running statistics of each training batch norm whose running mean and
      variance are `buffer` parameters.
    * `@__syna_train_step(x, labels, key, lr, step) -> (loss, out)`: the
      gradient of `@__syna_loss` (`syna-autodiff`, inlined), the new running
      statistics written to their buffers, and one optimizer update per
      learnable parameter (SGD with momentum / Nesterov / weight decay, or
      Adam with bias correction from `step` ≥ 1), written in place with
      `syna.param_write`. `lr` is a runtime argument, so learning-rate
      schedules and overrides need no recompilation. Optimizer state lives
      in new buffer parameters `@__opt_m_<name>` (and `@__opt_v_<name>` for
      Adam), initialised to zeros.
    * `@__syna_export_<name>() -> θ` for every parameter (raw values), used
      to write checkpoints.

    The model's graph itself is kept unchanged: it is the evaluation
    (inference-mode) function.
  }];
  let options = [
    Option<"lossOnly", "loss-only", "bool", /*default=*/"false",
           "emit only @__syna_loss (for tests)">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect", "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect", "::syna::SynaDialect"
  ];
}

def SynaSplitSharedDestinations
    : Pass<"syna-split-shared-destinations", "::mlir::func::FuncOp"> {
  let summary = "give every use of a tensor.empty its own copy";
  let description = [{
    CSE merges identical `tensor.empty` ops, so that two results of one
    multi-result op (batch-norm statistics, an optimizer update) may name the
    same empty tensor as their destinations. One-shot bufferization then
    writes both results into a single buffer (it does not treat two writes
    of one op as a conflict); tiled loops whose `iter_args` start from one
    shared empty tensor showed the same. This pass, run right before
    bufferization, gives every use of a shared `tensor.empty` a fresh clone
    (inserted before the user; empty tensors have no contents).
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

#endif // SYNA_TRAINING_PASSES_TD
