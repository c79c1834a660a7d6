// An op without a rule is fine where nothing differentiated flows through it.
func.func @inactive(%x: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  %c = arith.constant dense<0.5> : tensor<4xf32>
  %0 = math.sin %c : tensor<4xf32>
  %1 = arith.mulf %x, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
