//===- SynaGradOps.td - shape ops and gradient ops ---------*- tablegen -*-===//
//
// Ops that reverse-mode differentiation (syna-autodiff) emits: two shape ops
// that are each other's adjoint (broadcast, reduce_to_shape), a transpose,
// and one op per rule that cannot be written well as elementwise arithmetic
// on tensors. Each is specified by a formula, so that it can be lowered on
// its own; every index not listed is a free index of the result.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_GRAD_OPS_TD
#define SYNA_GRAD_OPS_TD

include "syna/Dialect/Syna/IR/SynaDialect.td"
include "syna/Dialect/Syna/IR/SynaAttrs.td"
include "syna/Dialect/Syna/IR/SynaInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

def Syna_BroadcastOp : Syna_Op<"broadcast", [Pure,
    DeclareOpInterfaceMethods<SynaDifferentiableOpInterface>,
    AllTypesMatch<["like", "result"]>, Syna_BroadcastsOperands]> {
  let summary = "broadcast a tensor to the shape of another";
  let description = [{
    Broadcasts `input` to the shape of `like` by the dialect's NumPy rule:
    shapes align at their trailing dimension; a dimension of `input` that is
    statically 1, or missing on the left, is repeated. Only the shape of
    `like` is read, never its values. The result has `like`'s type.

    `result[i_1, …, i_r] = input[j_1, …, j_k]` with `k ≤ r`,
    `j_m = 0` where `input`'s dimension `m` is statically 1 and
    `j_m = i_{m + r − k}` otherwise.

    Folds to `input` when the types agree and to a splat when `input` is a
    splat constant. Its adjoint is `syna.reduce_to_shape`.

    ```mlir
    %b = syna.broadcast %beta like %g : tensor<4xf32> -> tensor<?x4xf32>
    ```
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$like);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input `like` $like attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Syna_ReduceToShapeOp : Syna_Op<"reduce_to_shape", [Pure,
    DeclareOpInterfaceMethods<SynaDifferentiableOpInterface>]> {
  let summary = "sum a tensor over the dimensions that a broadcast added";
  let description = [{
    The adjoint of broadcasting ("unbroadcast"). The result type names a
    shape that broadcasts to the input's shape (the dialect's NumPy rule);
    the input is summed over every dimension that the broadcast would have
    added or repeated:

    `result[j_1, …, j_k] = Σ input[i_1, …, i_r]` over all input indices with
    `i_{m + r − k} = j_m` wherever the result's dimension `m` is not
    statically 1. The leading `r − k` input dimensions, and the input
    dimensions aligned with a static 1 of the result, are summed; every
    other dimension is kept (a dynamic dimension is kept, its extent is the
    input's).

    Folds to `input` when the types agree, and splat constants with static
    shapes to a splat (the value times the number of summed elements). Its
    adjoint is `syna.broadcast`.

    ```mlir
    %db = syna.reduce_to_shape %g : tensor<?x4xf32> -> tensor<4xf32>
    %dc = syna.reduce_to_shape %h : tensor<?x8x5x5xf32> -> tensor<8x1x1xf32>
    ```
  }];
  let arguments = (ins Syna_FloatTensor:$input);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Syna_TransposeOp : Syna_Op<"transpose", [Pure,
    DeclareOpInterfaceMethods<SynaDifferentiableOpInterface>]> {
  let summary = "permute the dimensions of a tensor";
  let description = [{
    `result[i_0, …, i_(r−1)] = input[j]` with `j_{permutation[m]} = i_m`:
    dimension `m` of the result is dimension `permutation[m]` of the input
    (the convention of `linalg.transpose`). The identity permutation folds
    away, as do splat constants; two transposes in a row compose. Its
    adjoint is the transpose by the inverse permutation.

    ```mlir
    %wt = syna.transpose %w {permutation = array<i64: 1, 0>} : tensor<64x320xf32> -> tensor<320x64xf32>
    ```
  }];
  let arguments = (ins Syna_FloatTensor:$input, DenseI64ArrayAttr:$permutation);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Gradient ops. None of them is differentiable itself: syna-autodiff rejects
// them in a function that it differentiates.
//===----------------------------------------------------------------------===//

def Syna_SynapseDenseGradOp : Syna_Op<"synapse_dense_grad", [Pure]> {
  let summary = "adjoints of the synapse tensor (docs/math.md §7)";
  let description = [{
    The vector-Jacobian product of `y = syna.synapse_dense x beta β alpha α`,
    `y[b, i] = α_i · x[b, i] · ∏_j (1 − β[i, j]·x[b, j])`. Operands: the
    forward operands `x : B×n`, `β : n×n`, optional `α : n`, the forward
    result `y : B×n` and its adjoint `g : B×n`. With `h = g ⊙ y` and
    `r[b, i, j] = 1/(1 − β[i, j]·x[b, j])`:

    ```
    dx[b, j] = h[b, j] / x[b, j] − Σ_i h[b, i] · β[i, j] · r[b, i, j]
    dβ[i, j] = − Σ_b h[b, i] · x[b, j] · r[b, i, j]
    dα[i]    =   Σ_b h[b, i] / α_i            (only when α is given)
    ```

    The parameter adjoints sum over the batch. `r` is recomputed where it
    is used, like the forward op's `log1p` terms: an implementation must
    stream the `i` and `b` reductions and never store `B·n·n` values. The
    formulas divide by `x` and `α`, as `log x` in the forward op requires
    `x > 0`. Without `α` there is no third result. Splat constant operands
    with static shapes fold.

    ```mlir
    %dx, %db, %da = syna.synapse_dense_grad %x beta %b alpha %a result %y grad %g
        : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>, tensor<?x64xf32>, tensor<?x64xf32>)
          -> (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>)
    ```
  }];
  let arguments = (ins Syna_FloatTensor:$x, Syna_FloatTensor:$beta,
                       Optional<Syna_FloatTensor>:$alpha,
                       Syna_FloatTensor:$y, Syna_FloatTensor:$grad);
  let results = (outs Syna_FloatTensor:$dx, Syna_FloatTensor:$dbeta,
                      Optional<Syna_FloatTensor>:$dalpha);
  let assemblyFormat = [{
    $x `beta` $beta (`alpha` $alpha^)? `result` $y `grad` $grad attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Syna_FlipCircuitGradOp : Syna_Op<"flip_circuit_grad", [Pure]> {
  let summary = "adjoints of a flip circuit, by reverse iteration";
  let description = [{
    The vector-Jacobian product of `syna.flip_circuit` with the same
    operands and `steps = T`. With the forward states
    `x_{t+1} = α₁·x_t·(1 − β₁·y_t)`, `y_{t+1} = α₂·x_t·(1 − β₂·y_t)`
    (`t = 0 … T−1`), the adjoints `grad_x`, `grad_y` of the final state and,
    optionally, the adjoint `G` of the trajectory (shape `[T+1, 2, state…]`),
    the state adjoints run backwards:

    ```
    λx_T = grad_x + G[T, 0]           λy_T = grad_y + G[T, 1]
    for t = T−1 … 0:
      λx_t = G[t, 0] + λx_{t+1}·α₁·(1 − β₁·y_t) + λy_{t+1}·α₂·(1 − β₂·y_t)
      λy_t = G[t, 1] − λx_{t+1}·α₁·β₁·x_t − λy_{t+1}·α₂·β₂·x_t
    dx0 = λx_0,  dy0 = λy_0
    dα₁ = Σ_t λx_{t+1}·x_t·(1 − β₁·y_t)     dα₂ = Σ_t λy_{t+1}·x_t·(1 − β₂·y_t)
    dβ₁ = −Σ_t λx_{t+1}·α₁·x_t·y_t          dβ₂ = −Σ_t λy_{t+1}·α₂·x_t·y_t
    ```

    (`G` terms are zero when no trajectory adjoint is given.) Everything is
    elementwise over the state; a rank-0 parameter's adjoint is also summed
    over the state elements. Each result has the type of the corresponding
    operand (`dx0`, `dy0`, `dalpha1`, `dalpha2`, `dbeta1`, `dbeta2`). An
    implementation needs the forward states `x_t, y_t`: it may recompute the
    trajectory into a buffer of `T+1` states, or checkpoint it.

    One op instead of an unrolled reverse: `steps` is often hundreds or
    thousands, and unrolling would emit that many ops per step.
  }];
  let arguments = (ins Syna_FloatTensor:$x0, Syna_FloatTensor:$y0,
                       Syna_FloatTensor:$alpha1, Syna_FloatTensor:$alpha2,
                       Syna_FloatTensor:$beta1, Syna_FloatTensor:$beta2,
                       Syna_FloatTensor:$grad_x, Syna_FloatTensor:$grad_y,
                       Optional<Syna_FloatTensor>:$grad_trajectory,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$steps);
  let results = (outs Syna_FloatTensor:$dx0, Syna_FloatTensor:$dy0,
                      Syna_FloatTensor:$dalpha1, Syna_FloatTensor:$dalpha2,
                      Syna_FloatTensor:$dbeta1, Syna_FloatTensor:$dbeta2);
  let assemblyFormat = [{
    $x0 `,` $y0 `alpha` $alpha1 `,` $alpha2 `beta` $beta1 `,` $beta2
    `steps` $steps `grad` $grad_x `,` $grad_y
    (`trajectory` $grad_trajectory^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Syna_Conv2DInputGradOp : Syna_Op<"conv2d_input_grad", [Pure]> {
  let summary = "adjoint of a 2-D convolution's input (transposed convolution)";
  let description = [{
    For `syna.conv2d` with weight `W : O×C×KH×KW`, `strides = [sh, sw]` and
    `padding = [ph, pw]`, given the adjoint `g : B×O×OH×OW` of its result:

    ```
    dx[b, c, i, j] = Σ g[b, o, p, q] · W[o, c, kh, kw]
    over o, kh, kw, p, q with p·sh + kh = i + ph, q·sw + kw = j + pw,
    0 ≤ p < OH, 0 ≤ q < OW
    ```

    The result type is the forward input's type `B×C×H×W`; `H` and `W`
    must be static, because with strides they are not determined by `OH`,
    `OW` (input rows and columns that no window reaches get 0).
  }];
  let arguments = (ins Syna_FloatTensor:$grad, Syna_FloatTensor:$weight,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0}">:$padding);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $grad `,` $weight attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Syna_Conv2DWeightGradOp : Syna_Op<"conv2d_weight_grad", [Pure]> {
  let summary = "adjoint of a 2-D convolution's weight";
  let description = [{
    For `syna.conv2d` of input `x : B×C×H×W` with `strides = [sh, sw]` and
    `padding = [ph, pw]`, given the adjoint `g : B×O×OH×OW` of its result:

    ```
    dW[o, c, kh, kw] = Σ_{b, p, q} g[b, o, p, q] · x[b, c, p·sh + kh − ph, q·sw + kw − pw]
    ```

    where `x` is zero outside its extent (the padding). The result type is
    the weight's type `O×C×KH×KW`; `KH` and `KW` must be static.
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$grad,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0}">:$padding);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $grad attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Syna_MaxPool2DGradOp : Syna_Op<"max_pool2d_grad", [Pure]> {
  let summary = "adjoint of 2-D max pooling: route each window's adjoint to its maximum";
  let description = [{
    For `syna.max_pool2d` of `x : B×C×H×W` with `kernel` and `strides` (the
    kernel when absent), given the adjoint `g : B×C×OH×OW` of its result:
    each `g[b, c, p, q]` is added to `dx` at the position of the maximum of
    its window `x[b, c, p·sh : p·sh + kh, q·sw : q·sw + kw]`; where several
    elements of a window are equal to the maximum, the first one in
    row-major order receives it (as PyTorch does). Elements that are no
    window's maximum get 0; overlapping windows add up.
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$grad,
                       DenseI64ArrayAttr:$kernel,
                       OptionalAttr<DenseI64ArrayAttr>:$strides);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $grad attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::llvm::ArrayRef<int64_t> getEffectiveStrides() {
      return getStrides() ? *getStrides() : getKernel();
    }
  }];
}

def Syna_BatchNormGradOp : Syna_Op<"batch_norm_grad", [Pure,
    AllTypesMatch<["input", "grad", "dx"]>,
    AllTypesMatch<["scale", "running_mean", "running_var", "dscale", "dshift"]>]> {
  let summary = "adjoints of batch normalisation's input, scale and shift";
  let description = [{
    For `syna.batch_norm` with the same operands and attributes, given the
    adjoint `g` of its normalised result. Per channel `c` (dimension 1),
    over the `N` elements of that channel (`N = B` for `B×C`,
    `B·H·W` for `B×C×H×W`), with `μ`, `σ²` the statistics in effect
    (batch mean and biased batch variance with `training`, the running
    statistics otherwise), `x̂ = (x − μ)/√(σ² + ε)`:

    ```
    dshift[c] = Σ g
    dscale[c] = Σ g · x̂
    training:  dx = scale[c]/√(σ² + ε) · (g − dshift[c]/N − x̂ · dscale[c]/N)
    otherwise: dx = scale[c]/√(σ² + ε) · g
    ```

    With `training` the running statistics are not read.
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_FloatTensor:$scale,
                       Syna_FloatTensor:$running_mean,
                       Syna_FloatTensor:$running_var, Syna_FloatTensor:$grad,
                       DefaultValuedAttr<F64Attr, "1.0e-5">:$epsilon,
                       UnitAttr:$training);
  let results = (outs Syna_FloatTensor:$dx, Syna_FloatTensor:$dscale,
                      Syna_FloatTensor:$dshift);
  let assemblyFormat = [{
    $input `,` $scale `,` $running_mean `,` $running_var `grad` $grad
    attr-dict `:` type($input) `,` type($scale)
  }];
  let hasVerifier = 1;
}

def Syna_NllLossGradOp : Syna_Op<"nll_loss_grad", [Pure,
    AllTypesMatch<["input", "result"]>]> {
  let summary = "adjoint of the negative log-likelihood's input";
  let description = [{
    For `syna.nll_loss` of `input : B×C` and `labels : B`, given the
    adjoint `g` (rank 0) of the loss:

    `result[b, c] = −g · w` where `c = labels[b]`, and 0 elsewhere,

    with `w = 1/B` for `reduction = mean` and `w = 1` for `sum`. Only the
    shape of `input` is read. A row whose label lies outside `[0, C)` is 0.
  }];
  let arguments = (ins Syna_FloatTensor:$input, Syna_LabelTensor:$labels,
      Syna_FloatTensor:$grad,
      DefaultValuedAttr<Syna_ReductionAttr, "Reduction::Mean">:$reduction);
  let results = (outs Syna_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $labels `grad` $grad attr-dict `:` type($input) `,`
    type($labels) `,` type($grad)
  }];
  let hasVerifier = 1;
}

#endif // SYNA_GRAD_OPS_TD
