func.func @batch_norm_inference(%x: tensor<?x4xf32>, %c: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> (tensor<?x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0:3 = syna.batch_norm %x, %c, %c, %m, %v : tensor<?x4xf32>, tensor<4xf32>
  %1:3 = syna.batch_norm %x, %c, %c, %m, %v {training} : tensor<?x4xf32>, tensor<4xf32>
  return %0#0, %0#1, %0#2, %1#1, %1#2 : tensor<?x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
