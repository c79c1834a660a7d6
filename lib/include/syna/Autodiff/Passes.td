//===- Passes.td - syna automatic differentiation passes ---*- tablegen -*-===//
#ifndef SYNA_AUTODIFF_PASSES_TD
#define SYNA_AUTODIFF_PASSES_TD

include "mlir/Pass/PassBase.td"

def SynaAutodiff : Pass<"syna-autodiff", "::mlir::ModuleOp"> {
  let summary = "reverse-mode automatic differentiation of syna functions";
  let description = [{
    For each `func.func` named in `functions` or carrying the unit attribute
    `syna.differentiate`, emits a function `@<name>_grad` next to it that
    recomputes the primal and then the adjoints, in reverse order, with the
    vector-Jacobian rules of `SynaDifferentiableOpInterface` (syna ops, and
    the arith/math ops listed in docs/autodiff.md).

    Signature of `@f_grad` for `@f(a_1 … a_n) -> (r_1 … r_m)`:

    * arguments: `a_1 … a_n`, then one seed (the adjoint ∂L/∂r_k) per float
      tensor result, in order. A function with exactly one result that is a
      rank-0 float tensor (a loss) takes no seed: its seed is 1.
    * results: `r_1 … r_m`, then the adjoint of each float tensor argument
      in order, then the adjoint of the raw value θ of each `syna.param`
      that the function reads, ordered by symbol name.

    Adjoints of values used more than once are summed. An op on the path
    from an argument or parameter to a result that has no rule (or holds
    regions: control flow) is an error at its location. With `cleanup` (the
    default) the new functions are canonicalized and CSE'd, so the backward
    pass reuses forward values.
  }];
  let options = [
    ListOption<"functions", "functions", "std::string",
               "names of the functions to differentiate (besides those "
               "marked syna.differentiate)">,
    Option<"cleanup", "cleanup", "bool", /*default=*/"true",
           "canonicalize and CSE the gradient functions">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect", "::mlir::func::FuncDialect",
    "::syna::SynaDialect"
  ];
}

#endif // SYNA_AUTODIFF_PASSES_TD
