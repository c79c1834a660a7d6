// A surprisal taken at the end is the chain's own value: no conversion back.
func.func @surprisal_out(%x: tensor<8xf32>, %y: tensor<8xf32>, %b: tensor<8xf32>, %a: tensor<8xf32>) -> tensor<8xf32> {
  %s = syna.synapse %x, %y beta %b alpha %a : (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %r = syna.surprisal %s : tensor<8xf32>
  return %r : tensor<8xf32>
}
