// swap_ratio: A = 1 − βy, B = 1 − βx;
// dx = g·A/(y·B²), dy = −g·x/(B·y²), dβ = g·x·(x − y)/(y·B²).
func.func @swap(%x: tensor<4xf32>, %y: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  %r = syna.swap_ratio %x, %y beta %b : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
