// The flip circuit differentiates through flip_circuit_grad; a result
// without a seed-reachable use gets a zero adjoint.
func.func @flip(%x0: tensor<16xf32>, %a: tensor<f32>, %b: tensor<16xf32>) -> tensor<16xf32> attributes {syna.differentiate} {
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 50 : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>)
  return %y : tensor<16xf32>
}
// x0 and y0 are the same value, as are alpha1/alpha2 and beta1/beta2: sums.
