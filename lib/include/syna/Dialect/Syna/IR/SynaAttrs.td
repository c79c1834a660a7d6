//===- SynaAttrs.td - syna attributes and enums -----------*- tablegen -*-===//
#ifndef SYNA_ATTRS_TD
#define SYNA_ATTRS_TD

include "syna/Dialect/Syna/IR/SynaDialect.td"
include "mlir/IR/EnumAttr.td"
include "syna/Dialect/Syna/IR/SynaLoweringAttrs.td"

def Syna_InitKind : I32EnumAttr<"InitKind", "parameter initializer", [
    I32EnumAttrCase<"Zeros", 0, "zeros">,
    I32EnumAttrCase<"Ones", 1, "ones">,
    I32EnumAttrCase<"Constant", 2, "constant">,
    I32EnumAttrCase<"Uniform", 3, "uniform">,
    I32EnumAttrCase<"Normal", 4, "normal">,
    I32EnumAttrCase<"KaimingUniform", 5, "kaiming_uniform">,
    I32EnumAttrCase<"KaimingNormal", 6, "kaiming_normal">,
    I32EnumAttrCase<"XavierUniform", 7, "xavier_uniform">]> {
  let cppNamespace = "::syna";
  let genSpecializedAttr = 0;
}

def Syna_InitAttr : Syna_Attr<"Initializer", "init"> {
  let summary = "how a learnable parameter is initialised";
  let description = [{
    `#syna.init<kind>` or `#syna.init<kind(a, b)>`. The kinds and their
    arguments:

    | kind | arguments | values |
    |---|---|---|
    | `zeros`, `ones` | none | 0, 1 |
    | `constant(c)` | value | c |
    | `uniform(lo, hi)` | `lo < hi` | U(lo, hi) |
    | `normal(mean, std)` | `std > 0` | N(mean, std²) |
    | `kaiming_uniform`, `kaiming_normal` | none | He et al., fan-in = product of all dimensions but the first |
    | `xavier_uniform` | none | Glorot, fan-in and fan-out as above |

    The values initialise the *raw* parameter θ; the parameter's domain
    (`#syna.domain`) maps θ to the value the graph uses.
  }];
  let parameters = (ins "InitKind":$kind,
                        "::mlir::DenseF64ArrayAttr":$args);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Syna_Domain : I32EnumAttr<"Domain", "value domain of a learnable parameter", [
    I32EnumAttrCase<"Real", 0, "real">,
    I32EnumAttrCase<"Unit", 1, "unit">,
    I32EnumAttrCase<"Positive", 2, "positive">,
    I32EnumAttrCase<"AtLeastOne", 3, "at_least_one">]> {
  let cppNamespace = "::syna";
  let genSpecializedAttr = 0;
}

def Syna_DomainAttr : EnumAttr<Syna_Dialect, Syna_Domain, "domain"> {
  let summary = "value domain of a learnable parameter, kept by construction";
  let description = [{
    A parameter stores an unconstrained θ and is read through a map onto its
    domain, so gradient steps can never leave it:
    `real`: θ; `unit` (0, 1): sigmoid(θ), for β;
    `positive` (0, ∞): softplus(θ); `at_least_one` [1, ∞): 1 + softplus(θ), for α.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Syna_Reduction : I32EnumAttr<"Reduction", "loss reduction over the batch", [
    I32EnumAttrCase<"Mean", 0, "mean">,
    I32EnumAttrCase<"Sum", 1, "sum">]> {
  let cppNamespace = "::syna";
  let genSpecializedAttr = 0;
}

def Syna_ReductionAttr : EnumAttr<Syna_Dialect, Syna_Reduction, "reduction"> {
  let summary = "how a loss reduces over the batch";
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// The training setup of a model (#syna.model)
//===----------------------------------------------------------------------===//

include "syna/Dialect/Syna/IR/SynaModelAttr.td"

#endif // SYNA_ATTRS_TD
