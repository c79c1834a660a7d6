//===- SynaOps.td - syna operations -----------------------*- tablegen -*-===//
#ifndef SYNA_OPS_TD
#define SYNA_OPS_TD

include "syna/Dialect/Syna/IR/SynaDialect.td"
include "syna/Dialect/Syna/IR/SynaAttrs.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "syna/Dialect/Syna/IR/SynaInterfaces.td"

// Ops whose operands broadcast to the result by the dialect's broadcasting
// rule; syna-run checks that their dynamic sizes agree at run time
// (docs/robustness.md). A marker: the op's rule verifies the static shapes.
def Syna_BroadcastsOperands : NativeOpTrait<"BroadcastsOperands"> {
  let cppNamespace = "::syna";
}

// Ops with a vector-Jacobian rule (dialect/Syna/IR/SynaVjp.cpp).
defvar Syna_Differentiable =
    DeclareOpInterfaceMethods<SynaDifferentiableOpInterface>;

//===----------------------------------------------------------------------===//
// Elementwise functions of one tensor
//===----------------------------------------------------------------------===//

// An elementwise function of one tensor. `scalarFn` (double → double) is
// its reference semantics, which the constant folder applies; `chainFold`
// folds a chain of two: `InverseOf<P>` folds f(P(x)) to x, `Idempotent`
// folds f(f(x)) to f(x), `void` nothing (FoldUtils.h).
class Syna_UnaryOp<string mnemonic, string scalarFn, string chainFold = "void",
                   TypeConstraint input = Syna_FloatTensor,
                   list<Trait> traits = []>
    : Syna_InferredOp<mnemonic, !listconcat(traits,
        [Pure, Elementwise, Syna_Differentiable])> {
  let arguments = (ins input:$input);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let isBuiltin = 1;
  let shapeRuleCall = "rules::sameAsInput(*args.input)";
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::mlir::OpFoldResult $cppClass::fold(FoldAdaptor adaptor) {
      return foldUnary<}] # chainFold # [{>(*this, adaptor.getInput(), }]
        # scalarFn # [{);
    }
  }];
}

def Syna_SurprisalOp : Syna_UnaryOp<"surprisal", "scalar::surprisal",
    "InverseOf<ProbOp>", Syna_ProbTensor> {
  let summary = "surprisal −log p of a probability";
  let description = [{
    Maps a probability `p ∈ (0, 1]` to its surprisal `−log p ∈ [0, ∞)`.
    Folds `surprisal(prob(s))` to `s` and constant inputs in `[0, 1]`.

    ```mlir
    %s = syna.surprisal %p : tensor<?x64xf32>
    ```
  }];
}

def Syna_ProbOp : Syna_UnaryOp<"prob", "scalar::prob",
    "InverseOf<SurprisalOp>"> {
  let summary = "probability e^{−s} of a surprisal";
  let description = [{
    The inverse of `syna.surprisal`: maps a surprisal `s` to `e^{−s}`.
    Folds `prob(surprisal(p))` to `p` and constant inputs.
  }];
}

def Syna_ConjugateOp : Syna_UnaryOp<"conjugate", "scalar::conjugate",
    "InverseOf<ConjugateOp>", Syna_PositiveTensor> {
  let summary = "inhibitory conjugate G(u) = −log(1 − e^{−u})";
  let description = [{
    The surprisal of the complement: if `u = −log p` then
    `G(u) = −log(1 − p)`. It is the topological conjugate of `F(p) = 1 − p`
    in surprisal space and an involution, `G(G(u)) = u`, which the folder
    uses. `G′(u) = −1/(e^u − 1)` diverges as `u → 0⁺`.

    Evaluated stably as `−log(−expm1(−u))` for `u ≤ ln 2` and
    `−log1p(−e^{−u})` above. Defined for `u > 0`.
  }];
}

def Syna_BoseEinsteinOp : Syna_UnaryOp<"bose_einstein",
    "scalar::boseEinstein", "void", Syna_PositiveTensor> {
  let summary = "Bose–Einstein occupancy 1/(e^u − 1)";
  let description = [{
    `n_BE(u) = 1/(e^u − 1) = 1/expm1(u)`, defined for `u > 0`. It is minus the
    derivative of `syna.conjugate`, and so the gradient of a surprisal
    synapse with respect to its inhibitory surprisal.
  }];
}

def Syna_OddsOp : Syna_UnaryOp<"odds", "scalar::odds", "void",
    Syna_ProbBelowOneTensor> {
  let summary = "odds p/(1 − p) of a probability";
  let description = [{ Defined for `p ∈ [0, 1)`. }];
}

def Syna_ReluOp : Syna_UnaryOp<"relu", "scalar::relu", "Idempotent"> {
  let summary = "rectified linear unit max(x, 0)";
}

def Syna_TanhOp : Syna_UnaryOp<"tanh", "std::tanh"> {
  let summary = "hyperbolic tangent";
  let description = [{
    `tanh(x) = (e^x − e^{−x})/(e^x + e^{−x})`, in (−1, 1); the gate of
    recurrent cells. Its derivative is `1 − tanh²(x)`.
  }];
}

def Syna_SigmoidOp : Syna_UnaryOp<"sigmoid", "scalar::sigmoid"> {
  let summary = "logistic sigmoid 1/(1 + e^{−x})";
}

//===----------------------------------------------------------------------===//
// Synapses
//===----------------------------------------------------------------------===//

def Syna_SynapseOp : Syna_InferredOp<"synapse",
    [Pure, Syna_Differentiable, Syna_BroadcastsOperands]> {
  let summary = "elementwise synapse S(x, y; α, β) = α·x·(1 − β·y)";
  let description = [{
    `x` is the excitatory and `y` the inhibitory open probability, `β ∈ [0, 1]`
    the inhibition coefficient and `α > 0` the gain (1 when absent). All
    operands broadcast (see the dialect's broadcasting rule) to the result
    shape.

    Constant `β` outside `[0, 1]` or constant `α ≤ 0` is rejected. A synapse
    whose `β` is zero is `α·x`; with splat constant operands it folds.

    ```mlir
    %s = syna.synapse %x, %y beta %b alpha %a
        : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
    ```
  }];
  let arguments = (ins Syna_ProbTensor:$x, Syna_ProbTensor:$y,
                       Syna_ProbTensor:$beta,
                       Optional<Syna_PositiveTensor>:$alpha);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $x `,` $y `beta` $beta (`alpha` $alpha^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let isBuiltin = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Syna_SynapseDenseOp : Syna_InferredOp<"synapse_dense",
    [Pure, Syna_Differentiable]> {
  let summary = "fully connected synapse tensor, per sample";
  let description = [{
    For a batch `x : B×n`, a square inhibition matrix `β : n×n` and an
    optional gain `α : n`:

    `y[b, i] = α_i · x[b, i] · ∏_j (1 − β[i, j] · x[b, j])`

    equivalently `log y[b, i] = log x[b, i] + log α_i + Σ_j log1p(−β[i, j]·x[b, j])`.
    The product runs over `j = i` too. Every sample is computed on its own:
    the op never reduces over the batch dimension (unlike the public
    reference code, which mixes samples of one batch).

    The paper defines the synapse tensor only for as many outputs as inputs,
    so `β` must be square. Constant `β` outside `[0, 1]` and constant `α ≤ 0`
    are rejected. With a zero `β` and no `α`, the op is the identity.

    ```mlir
    %y = syna.synapse_dense %x beta %b alpha %a
        : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
    ```
  }];
  let arguments = (ins Syna_ProbTensor:$x, Syna_ProbTensor:$beta,
                       Optional<Syna_PositiveTensor>:$alpha);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $x `beta` $beta (`alpha` $alpha^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let isBuiltin = 1;
  let hasFolder = 1;
}

def Syna_FlipCircuitOp : Syna_CheckedOp<"flip_circuit",
    [Pure, Syna_Differentiable]> {
  let summary = "cross-coupled two-synapse recurrence, run for a fixed number of steps";
  let description = [{
    Two synapse units whose outputs feed their own and each other's inputs:

    ```
    x_{t+1} = α₁ · x_t · (1 − β₁ · y_t)
    y_{t+1} = α₂ · x_t · (1 − β₂ · y_t)
    ```

    run for `steps` steps from `(x0, y0)`. The state is a tensor, so one op
    runs a batch of circuits. Each parameter has the state's shape or is a
    rank-0 tensor applied to every circuit. With equal parameters, `z = β·x`
    follows the logistic map `z ← α·z·(1 − z)` after one step: fixed point
    for `α < 3`, period doubling at `α = 3` and `1 + √6`, chaos beyond
    `α ≈ 3.57`.

    Results are the final `x` and `y` and, when a third result type is
    given, the trajectory of shape `[steps + 1, 2, state...]`:
    `trajectory[t, 0]` is `x_t`, `trajectory[t, 1]` is `y_t`, with `t = 0`
    the initial state. With splat constant operands and no trajectory the op
    folds, computing in double precision.

    ```mlir
    %x, %y = syna.flip_circuit %x0, %y0 alpha %a1, %a2 beta %b1, %b2 steps 100
        : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
          -> (tensor<16xf32>, tensor<16xf32>)
    ```
  }];
  let arguments = (ins Syna_ProbTensor:$x0, Syna_ProbTensor:$y0,
                       Syna_PositiveTensor:$alpha1, Syna_PositiveTensor:$alpha2,
                       Syna_ProbTensor:$beta1, Syna_ProbTensor:$beta2,
                       I64Attr:$steps);
  let results = (outs Syna_FloatTensor:$x, Syna_FloatTensor:$y,
                      Optional<Syna_FloatTensor>:$trajectory);
  let assemblyFormat = [{
    $x0 `,` $y0 `alpha` $alpha1 `,` $alpha2 `beta` $beta1 `,` $beta2
    `steps` $steps attr-dict `:` functional-type(operands, results)
  }];
  let isBuiltin = 1;
  let hasFolder = 1;
}

def Syna_SwapRatioOp : Syna_InferredOp<"swap_ratio",
    [Pure, Syna_Differentiable, Syna_BroadcastsOperands]> {
  let summary = "swap ratio S(x, y)/S(y, x): the generalised odds ratio";
  let description = [{
    Swapping the inputs of a synapse and dividing:

    `S(x, y; α, β) / S(y, x; α, β) = x·(1 − β·y) / (y·(1 − β·x))`

    `α` cancels. With `β = 1` this is the odds ratio
    `(x/(1 − x)) / (y/(1 − y))`; for general `β` it is the odds ratio with
    ceiling `1/β`. Operands broadcast. Constant `β` outside `[0, 1]` is
    rejected; splat constants fold.
  }];
  let arguments = (ins Syna_ProbTensor:$x, Syna_ProbTensor:$y,
                       Syna_ProbTensor:$beta);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $x `,` $y `beta` $beta attr-dict `:` functional-type(operands, results)
  }];
  let isBuiltin = 1;
  let hasFolder = 1;
}

def Syna_LogSwapRatioOp : Syna_InferredOp<"log_swap_ratio",
    [Pure, Syna_Differentiable, Syna_BroadcastsOperands]> {
  let summary = "log swap ratio in surprisal space: S̄(y, x) − S̄(x, y)";
  let description = [{
    The surprisal-space form of `syna.swap_ratio`. Operands are surprisals
    `x̄ = −log x`, `ȳ = −log y`, `β̄ = −log β`; the result is

    `(ȳ + G(x̄ + β̄)) − (x̄ + G(ȳ + β̄)) = log(S(x, y)/S(y, x))`

    with `G` the inhibitory conjugate. At `β̄ = 0` (`β = 1`) it is the
    log odds ratio. Operands broadcast; constant `β̄ < 0` is rejected; splat
    constants fold.
  }];
  let arguments = (ins Syna_NonNegativeTensor:$x, Syna_NonNegativeTensor:$y,
                       Syna_NonNegativeTensor:$beta);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $x `,` $y `beta` $beta attr-dict `:` functional-type(operands, results)
  }];
  let isBuiltin = 1;
  let hasFolder = 1;
}

def Syna_SurprisalSynapseOp : Syna_InferredOp<"surprisal_synapse",
    [Pure, Syna_BroadcastsOperands]> {
  let summary = "elementwise synapse in surprisal space: ᾱ + x̄ + G(ȳ + β̄)";
  let description = [{
    The surprisal `−log S` of `syna.synapse`, with every operand a surprisal:
    `x̄ = −log x`, `ȳ = −log y`, `β̄ = −log β`, `ᾱ = −log α` (0 when absent):

    `S̄ = ᾱ + x̄ + G(ȳ + β̄)`, `G(u) = −log(1 − e^{−u})`.

    Products of probabilities are sums here, so chains of synapses cannot
    underflow. Operands broadcast; constant `β̄ < 0` is rejected.
    `syna-surprisal-rewrite` produces it.
  }];
  let arguments = (ins Syna_NonNegativeTensor:$x, Syna_NonNegativeTensor:$y,
                       Syna_NonNegativeTensor:$beta,
                       Optional<Syna_FloatTensor>:$alpha);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $x `,` $y `beta` $beta (`alpha` $alpha^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let isBuiltin = 1;
}

def Syna_SurprisalSynapseDenseOp : Syna_InferredOp<"surprisal_synapse_dense",
    [Pure]> {
  let summary = "fully connected synapse tensor in surprisal space, per sample";
  let description = [{
    The surprisal of `syna.synapse_dense`, with surprisal operands
    `x̄ : B×n`, `β̄ : n×n` and optional `ᾱ : n`:

    `ȳ[b, i] = ᾱ_i + x̄[b, i] + Σ_j G(x̄[b, j] + β̄[i, j])`

    so that `ȳ = −log synapse_dense(e^{−x̄}, e^{−β̄}, e^{−ᾱ})`. Consecutive
    synapse tensors stay in this space and never underflow. Shape rules are
    those of `syna.synapse_dense`; constant `β̄ < 0` is rejected.
  }];
  let arguments = (ins Syna_NonNegativeTensor:$x, Syna_NonNegativeTensor:$beta,
                       Optional<Syna_FloatTensor>:$alpha);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $x `beta` $beta (`alpha` $alpha^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let isBuiltin = 1;
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

def Syna_DenseOp : Syna_InferredOp<"dense", [Pure, Syna_Differentiable]> {
  let summary = "fully connected layer x·Wᵀ + b";
  let description = [{
    `x : B×in`, `W : out×in` (the PyTorch layout), optional `b : out`;
    the result is `B×out`.
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$weight,
                       Optional<Syna_FloatTensor>:$bias);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`bias` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let isBuiltin = 1;
}

def Syna_Conv2DOp : Syna_InferredOp<"conv2d", [Pure, Syna_Differentiable]> {
  let summary = "2-D convolution, NCHW";
  let description = [{
    `x : B×C×H×W`, `W : O×C×KH×KW`, optional `b : O`; zero padding of
    `padding = [ph, pw]` on each side and `strides = [sh, sw]`. The result
    is `B×O×OH×OW` with `OH = (H + 2·ph − KH)/sh + 1` (likewise `OW`).
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$weight,
                       Optional<Syna_FloatTensor>:$bias,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0}">:$padding);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`bias` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let isBuiltin = 1;
}

def Syna_MaxPool2DOp : Syna_InferredOp<"max_pool2d", [Pure, Syna_Differentiable]> {
  let summary = "2-D max pooling, NCHW";
  let description = [{
    Windows of `kernel = [kh, kw]` moved by `strides` (the kernel when
    absent), no padding: `OH = (H − kh)/sh + 1`.
  }];
  let arguments = (ins Syna_FloatTensor:$input,
                       DenseI64ArrayAttr:$kernel,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($result)
  }];
  let isBuiltin = 1;
  let extraClassDeclaration = [{
    /// The strides in effect: the explicit ones, else the kernel.
    ::llvm::ArrayRef<int64_t> getEffectiveStrides() {
      return getStrides() ? *getStrides() : getKernel();
    }
  }];
}

class Syna_AxisOp<string mnemonic> : Syna_InferredOp<mnemonic,
    [Pure, Syna_Differentiable]> {
  let arguments = (ins Syna_FloatTensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let isBuiltin = 1;
  let shapeRuleCall = "rules::alongAxis(ctx, args.kAxis, *args.input, args.axis)";
}

def Syna_SoftmaxOp : Syna_AxisOp<"softmax"> {
  let summary = "softmax along an axis";
  let description = [{ `axis` counts from the end when negative (default −1). }];
}

def Syna_LogSoftmaxOp : Syna_AxisOp<"log_softmax"> {
  let summary = "log of the softmax along an axis, computed stably";
  let description = [{ `axis` counts from the end when negative (default −1). }];
}

def Syna_BatchNormOp : Syna_InferredOp<"batch_norm",
    [Pure, Syna_Differentiable,
     // One type for the four vectors: the assembly format spells it once.
     AllTypesMatch<["scale", "shift", "running_mean", "running_var"]>]> {
  let summary = "batch normalisation with running statistics";
  let description = [{
    Normalises channel 1 of `x : B×C` or `B×C×H×W`:
    `y = scale·(x − μ)/√(σ² + epsilon) + shift`.

    In training mode (`training` present) `μ`, `σ²` are the batch statistics
    (biased variance) and the running statistics are updated,
    `new = (1 − momentum)·running + momentum·batch` (the variance update
    uses the unbiased batch variance, as PyTorch does). Otherwise `μ`, `σ²`
    are the running statistics, which are returned unchanged; the
    canonicalizer forwards them.
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$scale,
                       Syna_FloatTensor:$shift, Syna_FloatTensor:$running_mean,
                       Syna_NonNegativeTensor:$running_var,
                       DefaultValuedAttr<F64Attr, "1.0e-5">:$epsilon,
                       DefaultValuedAttr<F64Attr, "0.1">:$momentum,
                       UnitAttr:$training);
  let results = (outs Syna_FloatTensor:$result, Syna_FloatTensor:$new_mean,
                      Syna_FloatTensor:$new_var);
  let assemblyFormat = [{
    $input `,` $scale `,` $shift `,` $running_mean `,` $running_var
    attr-dict `:` type($input) `,` type($scale)
  }];
  let isBuiltin = 1;
  let hasCanonicalizer = 1;
}

def Syna_DropoutOp : Syna_InferredOp<"dropout", [Pure, Syna_Differentiable]> {
  let summary = "seeded inverted dropout";
  let description = [{
    In training mode each element is kept with probability `1 − rate` and
    scaled by `1/(1 − rate)`, else zeroed. The mask is a counter-based hash
    of `key` and the element's index, so the same key gives the same mask;
    a training loop passes a new key each step (seed and step), and
    training mode needs one. Without `training` the op is the identity,
    and so it is with `rate = 0`: the folder removes it.
  }];
  let arguments = (ins Syna_FloatTensor:$input, F64Attr:$rate,
                       Optional<I64>:$key, UnitAttr:$training);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input (`,` $key^)? attr-dict `:` type($input)";
  let isBuiltin = 1;
  let hasFolder = 1;
}

def Syna_ReshapeOp : Syna_CheckedOp<"reshape", [Pure, Syna_Differentiable]> {
  let summary = "reshape to another shape with as many elements";
  let description = [{
    Row-major reinterpretation. With static shapes the element counts must
    agree; a dynamic dimension must map to a dynamic dimension. Folds when
    the type does not change and merges chains of reshapes.
  }];
  let arguments = (ins Syna_FloatTensor:$input);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let isBuiltin = 1;
  let builtinShapeArgument = "shape";
  let hasFolder = 1;
}

def Syna_FlattenOp : Syna_InferredOp<"flatten", [Pure, Syna_Differentiable]> {
  let summary = "flatten every dimension but the batch";
  let description = [{ `B×d1×…×dk` becomes `B×(d1·…·dk)`. }];
  let arguments = (ins Syna_FloatTensor:$input);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let isBuiltin = 1;
  let hasFolder = 1;
}

class Syna_LossOp<string mnemonic>
    : Syna_InferredOp<mnemonic, [Pure, Syna_Differentiable]> {
  let arguments = (ins Syna_FloatTensor:$input, Syna_LabelTensor:$labels,
      DefaultValuedAttr<Syna_ReductionAttr, "Reduction::Mean">:$reduction);
  let results = (outs Syna_FloatTensor:$loss);
  let assemblyFormat = [{
    $input `,` $labels attr-dict `:` type($input) `,` type($labels) `->` type($loss)
  }];
  let isBuiltin = 1;
  let shapeRuleCall = "rules::loss(ctx, args.kInput, args.kLabels, *args.input, *args.labels)";
}

def Syna_NllLossOp : Syna_LossOp<"nll_loss"> {
  let summary = "negative log-likelihood of labelled classes";
  let description = [{
    `input : B×C` holds log-probabilities, `labels : B` class indices in
    `[0, C)`. The loss is `−input[b, labels[b]]` reduced over the batch
    (mean by default); the result is a rank-0 tensor.
  }];
}

def Syna_CrossEntropyOp : Syna_LossOp<"cross_entropy"> {
  let summary = "cross-entropy of logits and labelled classes";
  let description = [{
    `nll_loss(log_softmax(input, axis = 1), labels)`, computed stably.
  }];
}

//===----------------------------------------------------------------------===//
// Learnable parameters
//===----------------------------------------------------------------------===//

def Syna_ParamOp : Syna_Op<"param", [Symbol]> {
  let summary = "a learnable parameter: shape, initializer and domain";
  let description = [{
    Declares model state at module level. The parameter stores an
    unconstrained tensor θ, initialised by `init`; `syna.param_ref` reads it
    through the map of its `domain` (`real` when absent), so that, for
    example, `β = sigmoid(θ)` stays in (0, 1) under any update. The shape
    must be static.

    A `buffer` is state that training updates without learning it, such as
    batch-norm running statistics: it gets no gradient and no optimizer
    step.

    ```mlir
    syna.param @beta : tensor<64x64xf32> init <uniform(-1.0, 1.0)> domain <unit>
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<Syna_FloatTensor>:$type,
                       Syna_InitAttr:$init,
                       DefaultValuedAttr<Syna_DomainAttr, "Domain::Real">:$domain,
                       UnitAttr:$buffer);
  let assemblyFormat = [{
    $sym_name `:` $type `init` $init (`domain` $domain^)? (`buffer` $buffer^)?
    attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::RankedTensorType getTensorType() {
      return ::llvm::cast<::mlir::RankedTensorType>(getType());
    }
  }];
}

def Syna_ParamRefOp : Syna_Op<"param_ref",
    [Pure, Syna_Differentiable,
     DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "the value of a learnable parameter, in its domain";
  let description = [{
    Reads the parameter `name` and maps it onto its domain. Within one
    evaluation of a graph parameters are constant; training updates them
    between evaluations.
  }];
  let arguments = (ins FlatSymbolRefAttr:$name);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

def Syna_ParamReadOp : Syna_Op<"param_read",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>,
     MemoryEffects<[MemRead]>]> {
  let summary = "the raw stored value θ of a parameter (no domain map)";
  let description = [{
    Reads the stored, unconstrained θ of the parameter `name`, as the
    optimizer sees it. Unlike `syna.param_ref` it is ordered with respect to
    `syna.param_write`: a read after a write sees the written value.
    Training steps and checkpoint exports use it; graphs use
    `syna.param_ref`.

    ```mlir
    %t = syna.param_read @beta : tensor<64x64xf32>
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$name);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

def Syna_ParamWriteOp : Syna_Op<"param_write",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>,
     MemoryEffects<[MemWrite]>]> {
  let summary = "store a new raw value θ into a parameter";
  let description = [{
    Replaces the stored θ of the parameter `name` (a learnable parameter
    after an optimizer step, or a buffer such as batch-norm running
    statistics) with `value`, which must have the parameter's type. It lowers
    to `ml_program.global_store`, so the parameter is updated in place.

    ```mlir
    syna.param_write @bn_mean, %m : tensor<64xf32>
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$name, Syna_FloatTensor:$value);
  let assemblyFormat = "$name `,` $value attr-dict `:` type($value)";
}

include "syna/Dialect/Syna/IR/SynaGradOps.td"

#endif // SYNA_OPS_TD
