//===- SynaInterfaces.td - syna op interfaces --------------*- tablegen -*-===//
#ifndef SYNA_INTERFACES_TD
#define SYNA_INTERFACES_TD

include "mlir/IR/OpBase.td"

def SynaDifferentiableOpInterface
    : OpInterface<"SynaDifferentiableOpInterface"> {
  let cppNamespace = "::syna";
  let description = [{
    An op that states its vector-Jacobian product (VJP): given the adjoint
    `ḡ_r = ∂L/∂result_r` of each result, it emits IR that computes the
    adjoint `∂L/∂input_i = Σ_r ḡ_r · ∂result_r/∂input_i` of each of its
    differentiable inputs. Reverse-mode automatic differentiation
    (`syna-autodiff`) calls it on the ops of a function in reverse order and
    sums the adjoints of values that are used more than once.

    The inputs of an op are its operands, in order, followed by any state
    that it reads without an operand: `syna.param_ref` has no operands and
    one such input, the raw parameter θ that it maps onto its domain.
  }];
  let methods = [
    InterfaceMethod<[{
        Emits, at the builder's insertion point, the adjoints of this op's
        inputs. `resultAdjoints` has one entry per result: the adjoint, of
        the result's type, or a null value where the result has none (at
        least one is non-null). The method appends one entry per input to
        `inputAdjoints`: a value of the input's type, or a null value for an
        input that is not differentiable (integer labels, dropout keys) or
        that receives no contribution. The op's operands and results may be
        used: they dominate the insertion point.

        Returns failure, after emitting a diagnostic at the op, where the
        rule does not apply to this instance (for example a shape that the
        gradient op cannot express).
      }],
      "::llvm::LogicalResult", "buildVjp",
      (ins "::mlir::OpBuilder &":$builder,
           "::mlir::ValueRange":$resultAdjoints,
           "::llvm::SmallVectorImpl<::mlir::Value> &":$inputAdjoints)>
  ];
}

#endif // SYNA_INTERFACES_TD
