//===- SynaDialect.td - the syna dialect definition -------*- tablegen -*-===//
#ifndef SYNA_DIALECT_TD
#define SYNA_DIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

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

class Syna_Op<string mnemonic, list<Trait> traits = []>
    : Op<Syna_Dialect, mnemonic, traits>;

class Syna_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Syna_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Syna_FloatTensor : RankedTensorOf<[F32, F64]>;
def Syna_LabelTensor : RankedTensorOf<[I32, I64]>;

#endif // SYNA_DIALECT_TD
