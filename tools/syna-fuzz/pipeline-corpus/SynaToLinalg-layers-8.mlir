// Training: batch statistics reduce every dimension but the channel.
func.func @bn_train(%x: tensor<?x4x3x3xf32>, %s: tensor<4xf32>, %h: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = syna.batch_norm %x, %s, %h, %m, %v {training} : tensor<?x4x3x3xf32>, tensor<4xf32>
  return %y, %nm, %nv : tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}
