// x·Wᵀ + b: bias broadcast into the accumulator, reduction over (b, k, o).
func.func @dense(%x: tensor<?x48xf32>, %w: tensor<32x48xf32>, %b: tensor<32xf32>) -> tensor<?x32xf32> {
  %r = syna.dense %x, %w bias %b : (tensor<?x48xf32>, tensor<32x48xf32>, tensor<32xf32>) -> tensor<?x32xf32>
  return %r : tensor<?x32xf32>
}
