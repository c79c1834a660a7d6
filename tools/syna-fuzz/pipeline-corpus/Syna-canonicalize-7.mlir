func.func @synapse_dense_folds(%x: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<2x4xf32>) {
  %zero = arith.constant dense<0.0> : tensor<4x4xf32>
  %0 = syna.synapse_dense %x beta %zero : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %xs = arith.constant dense<0.5> : tensor<2x4xf32>
  %b = arith.constant dense<0.5> : tensor<4x4xf32>
  %a = arith.constant dense<2.0> : tensor<4xf32>
  // 2 · 0.5 · (1 − 0.5 · 0.5)^4 = 0.31640625, per sample
  %1 = syna.synapse_dense %xs beta %b alpha %a : (tensor<2x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<?x4xf32>, tensor<2x4xf32>
}
