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
    * `@__syna_train_step(x, labels, key, lr, step) -> (loss, correct)`: the
      gradient of `@__syna_loss` (`syna-autodiff`, inlined), the new running
      statistics written to their buffers, and one optimizer update per
      learnable parameter (SGD with momentum / Nesterov / weight decay, or
      Adam with bias correction from `step` ≥ 1), written in place with
      `syna.param_write`; `correct` counts the samples whose largest score
      is at their label. `lr` is a runtime argument, so learning-rate
      schedules and overrides need no recompilation. Optimizer state lives
      in new buffer parameters `@__opt_m_<name>` (and `@__opt_v_<name>` for
      Adam), initialised to zeros.

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

def SynaBuildProbeStep : Pass<"syna-build-probe-step", "::mlir::ModuleOp"> {
  let summary = "emit a copy of the model's graph that also returns what each synapse tensor reads and writes";
  let description = [{
    For `syna-run explain` (docs/explain.md): `@__syna_probe(x) -> (scores,
    x_1, y_1, x_2, y_2, ...)`, the model's graph in inference mode (a key
    argument gets the constant 0) followed, for each `syna.synapse_dense`
    whose β is a parameter, in the order of the graph, by its excitatory
    input `x` and its output `y`. A copy rather than a call, since the
    values are inside the graph; only `syna-run explain` builds it.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def SynaBuildEvalStep : Pass<"syna-build-eval-step", "::mlir::ModuleOp"> {
  let summary = "emit the compiled evaluation and prediction steps of the syna.model";
  let description = [{
    Reads the `syna.model` attribute of the module and emits two functions
    that call the model's graph in inference mode (as written; a key
    argument gets the constant 0, since dropout is then the identity). They
    call it rather than clone it, so they share its compiled code:

    * `@__syna_eval_step(x, labels) -> (loss, correct)`: the model's loss
      summed over the batch (the loss that `syna-build-train-step`
      averages) and the number of samples whose largest score is at their
      label;
    * `@__syna_predict(x) -> (class, probability)`: per sample, the class
      of the largest score and its softmax probability (i64 and float
      vectors).

    syna-run evaluates and predicts with these alone: the loss and the
    accuracy are defined in IR, once.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::tensor::TensorDialect",
    "::mlir::func::FuncDialect", "::mlir::linalg::LinalgDialect",
    "::syna::SynaDialect"
  ];
}

def SynaExposeParams : Pass<"syna-expose-params", "::mlir::ModuleOp"> {
  let summary = "emit functions that read and write every parameter's θ";
  let description = [{
    For every `syna.param @p`: `@__syna_get_p() -> θ` (a `syna.param_read`)
    and `@__syna_set_p(θ)` (a `syna.param_write`). A compiled module keeps
    its parameters resident between calls; syna-run saves checkpoints with
    the getters and restores them with the setters, without compiling the
    module again. Run it after the passes that add parameters (the
    optimizer state of `syna-build-train-step`).
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::syna::SynaDialect"];
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
