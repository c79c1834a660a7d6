//===- Passes.td - syna conversion passes -----------------*- tablegen -*-===//
#ifndef SYNA_CONVERSION_PASSES_TD
#define SYNA_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertSynaToLinalg : Pass<"convert-syna-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lower every syna op to linalg, tensor, arith, math, scf and ml_program";
  let description = [{
    Elementwise syna ops become `linalg.generic` ops with NumPy broadcasting
    maps. `syna.synapse_dense` becomes one reduction
    `acc[b, i] = Σ_j log1p(−βᵀ[j, i]·x[b, j])` (loops b, j, i; β is
    transposed once so that the innermost loop runs over contiguous outputs)
    followed by the elementwise epilogue `y = α·x·exp(acc)`: the sum is
    accumulated and exponentiated once, and neither diag(x) nor the B·n·n
    tensor of terms is ever built. The batch axis is never reduced. With
    `product-block=K` (K ≤ 4 dividing n) the reduction instead carries the
    exact product as m·2^e: each step multiplies K factors 1 − β·x into the
    mantissa m ∈ [1, 2) and moves m's binary exponent into the i32 exponent
    e with bit operations, so the loop takes no logarithm and cannot
    underflow (a nonzero factor is at least 2^-24 in f32, four of them at
    least 2^-96). The epilogue is `y = α·x·m·2^e`, exact down to the
    subnormals; in surprisal space `ȳ = x̄ + ᾱ − log m − e·ln 2`.

    `syna.param` becomes a mutable `ml_program.global` holding θ and
    `syna.param_ref` an `ml_program.global_load` followed by the domain map
    (real: θ; unit: sigmoid θ; positive: softplus θ; at_least_one:
    1 + softplus θ). θ is taken from a `syna.theta` dense attribute on the
    param when present (syna-run sets it from `--param`), otherwise drawn
    from the `#syna.init` initializer with a seeded generator (`seed`).

    The module's `syna.model` attribute is dropped: it describes the
    syna-level graph for syna-build-train-step and syna-run, which read it
    before lowering, and the dialect verifies it against the graph's tensor
    signature, which bufferization changes.
  }];
  let options = [
    Option<"seed", "seed", "uint64_t", "0",
           "seed of the generator that initialises parameters without syna.theta">,
    Option<"productBlock", "product-block", "int64_t", "1",
           "synapse tensor: carry ∏(1 − β·x) as mantissa·2^exponent, K <= 4 "
           "factors per step, no logarithm (1: one log1p per term)">
  ];
  let dependentDialects = [
    "mlir::linalg::LinalgDialect", "mlir::tensor::TensorDialect",
    "mlir::arith::ArithDialect", "mlir::math::MathDialect",
    "mlir::scf::SCFDialect", "mlir::ml_program::MLProgramDialect"
  ];
}

def SynaFreezeParams : Pass<"syna-freeze-params", "mlir::ModuleOp"> {
  let summary = "embed every parameter's value in the graphs as a constant";
  let description = [{
    For ahead-of-time compilation of an inference graph (syna-compile,
    docs/deploy.md): every `syna.param_ref @p` becomes an `arith.constant`
    holding θ mapped onto the parameter's domain (β = σ(θ), not θ),
    computed in double precision and rounded once to the element type;
    every `syna.param_read @p` becomes the constant θ. θ is the `syna.theta`
    attribute (a checkpoint's value) or, without one, drawn from the
    initializer with `seed`. The `syna.param` ops are erased, so the
    compiled code holds read-only constants and no mutable state.

    A `syna.param_write` (a training step) cannot be frozen: the pass fails
    with an error at the write.
  }];
  let options = [
    Option<"seed", "seed", "uint64_t", "0",
           "seed of the generator that initialises parameters without syna.theta">
  ];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

#endif // SYNA_CONVERSION_PASSES_TD
