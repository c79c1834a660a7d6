func.func @synapse_zero_beta(%x: tensor<?x4xf32>, %y: tensor<?x4xf32>, %a: tensor<?x4xf32>, %v: tensor<4xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) {
  %zero = arith.constant dense<0.0> : tensor<f32>
  // S(x, y; 1, 0) = x
  %0 = syna.synapse %x, %y beta %zero : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<f32>) -> tensor<?x4xf32>
  // S(x, y; α, 0) = α·x
  %1 = syna.synapse %x, %y beta %zero alpha %a : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<f32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  // α would need a broadcast: kept.
  %2 = syna.synapse %x, %y beta %zero alpha %v : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<f32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %0, %1, %2 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>
}
