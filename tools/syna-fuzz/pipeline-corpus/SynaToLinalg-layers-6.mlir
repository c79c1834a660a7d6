func.func @xent(%x: tensor<7x10xf32>, %l: tensor<7xi32>) -> tensor<f32> {
  %r = syna.cross_entropy %x, %l {reduction = #syna.reduction<sum>} : tensor<7x10xf32>, tensor<7xi32> -> tensor<f32>
  return %r : tensor<f32>
}
