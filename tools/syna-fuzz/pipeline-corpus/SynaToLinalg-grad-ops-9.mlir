// flip_circuit_grad: the forward trajectory into [T+1, state] buffers, then
// the reverse recurrence in a second scf.for; rank-0 parameters' adjoints
// are summed over the state at the end.
func.func @flip_grad(%x: tensor<?xf32>, %y: tensor<?xf32>, %a1: tensor<f32>, %a2: tensor<?xf32>, %b1: tensor<f32>, %b2: tensor<?xf32>, %gx: tensor<?xf32>, %gy: tensor<?xf32>, %gt: tensor<6x2x?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>) {
  %r:6 = syna.flip_circuit_grad %x, %y alpha %a1, %a2 beta %b1, %b2 steps 5 grad %gx, %gy trajectory %gt : (tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<6x2x?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>)
  return %r#0, %r#1, %r#2, %r#3, %r#4, %r#5 : tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>
}
