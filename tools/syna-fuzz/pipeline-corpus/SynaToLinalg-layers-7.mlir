// Inference: running statistics, returned unchanged.
func.func @bn_eval(%x: tensor<5x4x3x3xf32>, %s: tensor<4xf32>, %h: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<5x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = syna.batch_norm %x, %s, %h, %m, %v : tensor<5x4x3x3xf32>, tensor<4xf32>
  return %y, %nm, %nv : tensor<5x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}
