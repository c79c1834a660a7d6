// The synapse tensor (docs/math.md §7) with B = 2, n = 3, x = 0.4, β = 0.3,
// α = 1.5 everywhere and seed 1: the loss is Σ_{b,i} y[b, i], perturbed one
// element at a time in the reference.
func.func @synapse_dense(%x: tensor<2x3xf64>, %b: tensor<3x3xf64>, %a: tensor<3xf64>) -> tensor<2x3xf64>
    attributes {syna.differentiate} {
  %y = syna.synapse_dense %x beta %b alpha %a : (tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>) -> tensor<2x3xf64>
  return %y : tensor<2x3xf64>
}
func.func private @synapse_dense_grad(tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>, tensor<2x3xf64>)
    -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>)

func.func @check_synapse_dense() -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>) {
  %x = arith.constant dense<0.4> : tensor<2x3xf64>
  %b = arith.constant dense<0.3> : tensor<3x3xf64>
  %a = arith.constant dense<1.5> : tensor<3xf64>
  %g = arith.constant dense<1.0> : tensor<2x3xf64>
  %r:4 = func.call @synapse_dense_grad(%x, %b, %a, %g) : (tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>, tensor<2x3xf64>)
      -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>)
  // y = α·x·(1 − βx)³ = 0.4088832; finite differences: dx = 0.604032,
  // dβ = −0.371712, dα = 0.5451776
  return %r#0, %r#1, %r#2, %r#3 : tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>
}
