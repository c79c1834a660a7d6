// The flip circuit is an scf.for over steps; the trajectory is filled by
// insert_slice.
func.func @flip(%x0: tensor<4xf32>, %y0: tensor<4xf32>, %a: tensor<f32>, %b: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<11x2x4xf32>) {
  %x, %y, %t = syna.flip_circuit %x0, %y0 alpha %a, %a beta %b, %b steps 10
      : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<11x2x4xf32>)
  return %x, %y, %t : tensor<4xf32>, tensor<4xf32>, tensor<11x2x4xf32>
}
