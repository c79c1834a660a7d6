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
    `log-block=K` (K ≤ 4 dividing n) the reduction adds log ∏ of K factors
    1 − β·x per step; a product of at most four nonzero factors cannot
    underflow (each is at least 2^-24 in f32).

    `syna.param` becomes a mutable `ml_program.global` holding θ and
    `syna.param_ref` an `ml_program.global_load` followed by the domain map
    (real: θ; unit: sigmoid θ; positive: softplus θ; at_least_one:
    1 + softplus θ). θ is taken from a `syna.theta` dense attribute on the
    param when present (syna-run sets it from `--param`), otherwise drawn
    from the `#syna.init` initializer with a seeded generator (`seed`).
  }];
  let options = [
    Option<"seed", "seed", "uint64_t", "0",
           "seed of the generator that initialises parameters without syna.theta">,
    Option<"logBlock", "log-block", "int64_t", "1",
           "synapse tensor: one logarithm per block of K <= 4 factors, "
           "log ∏(1 − β·x), instead of one log1p per term (1: exact log1p)">
  ];
  let dependentDialects = [
    "mlir::linalg::LinalgDialect", "mlir::tensor::TensorDialect",
    "mlir::arith::ArithDialect", "mlir::math::MathDialect",
    "mlir::scf::SCFDialect", "mlir::ml_program::MLProgramDialect"
  ];
}

#endif // SYNA_CONVERSION_PASSES_TD
