// Two vectors broadcast to a matrix whose size the inputs decide.
func.func @outer(%x: tensor<?x1xf32>, %y: tensor<1x?xf32>) -> tensor<?x?xf32> {
  %b = arith.constant dense<0.5> : tensor<f32>
  %r = syna.synapse %x, %y beta %b : (tensor<?x1xf32>, tensor<1x?xf32>, tensor<f32>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
