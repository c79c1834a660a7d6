//===- SynaDialect.td - the syna dialect definition -------*- tablegen -*-===//
#ifndef SYNA_DIALECT_TD
#define SYNA_DIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

def Syna_Dialect : Dialect {
  let name = "syna";
  let cppNamespace = "::syna";
  let summary = "Synaptic neural networks: synapses, synapse tensors, circuits and the layers around them";
  let description = [{
    The `syna` dialect models Synaptic Neural Networks (SynaNN). A *synapse*
    computes `S(x, y; α, β) = α·x·(1 − β·y)` on the open probabilities `x`
    (excitatory) and `y` (inhibitory) of two ion channels. The fully connected
    *synapse tensor* computes, per sample,
    `y_i = α_i·x_i·∏_j (1 − β_ij·x_j)`.

    Values live either in probability space (`p ∈ (0, 1)`) or in *surprisal
    space* (`−log p ∈ (0, ∞)`), where products become sums. The dialect has
    ops for both spaces and for the conversions between them, for flip
    circuits and odds/swap networks, and for the neural-network layers that
    SynaNN models put around synapses.

    All ops work on builtin ranked tensors of `f32` or `f64`; batch
    dimensions may be dynamic. Ops are value-semantic and side-effect free,
    except where documented.

    **Broadcasting.** Elementwise ops with several operands follow NumPy
    rules: shapes are aligned at their trailing dimension; two dimensions
    are compatible when they are equal or one of them is statically `1`.
    The result has the broadcast shape. A dynamic dimension broadcasts only
    against an equal extent at run time.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let hasConstantMaterializer = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    /// Defined next to the attribute storage classes that it needs.
    void registerAttributes();
  }];
}

//===----------------------------------------------------------------------===//
// Op classes
//===----------------------------------------------------------------------===//

// Fields that syna-tblgen reads (docs/architecture.md, "Adding an op"):
//  * isBuiltin: .syna calls the op under its mnemonic, with its ODS
//    arguments, in ODS order, as positional or keyword arguments;
//  * builtinShapeArgument: the name of one more .syna argument, after the
//    ODS ones, that gives the result shape (reshape);
//  * shapeRuleCall: the body of the op's rule when it is a call of a
//    building block of TypeInference.h (`args` and `ctx` are in scope);
//    otherwise the rule infer<Op> is written in TypeInference.cpp.
class Syna_Op<string mnemonic, list<Trait> traits = []>
    : Op<Syna_Dialect, mnemonic, traits> {
  bit isBuiltin = 0;
  string builtinShapeArgument = "";
  string shapeRuleCall = "";
}

// An op whose result types follow from its operands and attributes: its
// rule (TypeInference.h) serves the verifier, `inferReturnTypes` and the
// front end. The generated `verify` checks constant operands against their
// value domains.
class Syna_InferredOp<string mnemonic, list<Trait> traits = []>
    : Syna_Op<mnemonic, !listconcat(traits, [InferTypeOpAdaptorWithIsCompatible])> {
  let hasVerifier = 1;
}

// An op whose result types the op states (a reshape's target, an optional
// result): the generated `verify` runs its rule on the operands and the
// stated results and compares.
class Syna_CheckedOp<string mnemonic, list<Trait> traits = []>
    : Syna_Op<mnemonic, traits> {
  let hasVerifier = 1;
}

class Syna_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Syna_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

//===----------------------------------------------------------------------===//
// Type constraints, with the value domain of each operand
//===----------------------------------------------------------------------===//

def Syna_FloatTensor : RankedTensorOf<[F32, F64]>;

// A float tensor whose values must lie in a domain (`valueDomain` names a
// syna::ValueDomain; docs/math.md §1, §9).
class Syna_FloatTensorIn<string domain, string range>
    : RankedTensorOf<[F32, F64]> {
  let summary = "ranked tensor of f32 or f64 values in " # range;
  string valueDomain = domain;
  string valueRange = range;
}
def Syna_ProbTensor : Syna_FloatTensorIn<"Probability", "[0, 1]">;
def Syna_ProbBelowOneTensor
    : Syna_FloatTensorIn<"ProbabilityBelowOne", "[0, 1)">;
def Syna_PositiveTensor : Syna_FloatTensorIn<"Positive", "(0, inf)">;
def Syna_NonNegativeTensor : Syna_FloatTensorIn<"NonNegative", "[0, inf)">;

// Class indices in [0, C), C the class count of the loss's input.
def Syna_LabelTensor : RankedTensorOf<[I32, I64]> {
  let summary = "ranked tensor of i32 or i64 class indices";
  string valueDomain = "ClassIndex";
}

#endif // SYNA_DIALECT_TD
