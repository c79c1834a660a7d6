// Element-type generic: the same lowering in f64, without alpha.
func.func @synapse_dense_grad_f64(%x: tensor<4x8xf64>, %b: tensor<8x8xf64>, %y: tensor<4x8xf64>, %g: tensor<4x8xf64>) -> (tensor<4x8xf64>, tensor<8x8xf64>) {
  %dx, %db = syna.synapse_dense_grad %x beta %b result %y grad %g : (tensor<4x8xf64>, tensor<8x8xf64>, tensor<4x8xf64>, tensor<4x8xf64>) -> (tensor<4x8xf64>, tensor<8x8xf64>)
  return %dx, %db : tensor<4x8xf64>, tensor<8x8xf64>
}
