// Products of probabilities become sums of surprisals.
func.func @product(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %p = arith.mulf %a, %b : tensor<8xf32>
  %s = syna.surprisal %p : tensor<8xf32>
  return %s : tensor<8xf32>
}
