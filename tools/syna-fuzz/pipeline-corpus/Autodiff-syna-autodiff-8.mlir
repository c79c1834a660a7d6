// With cleanup (the default), canonicalization and CSE make the backward
// pass reuse forward values: the log_softmax that cross_entropy's rule
// recomputes is shared, and the unused forward results disappear.
func.func @shared(%x: tensor<?x4xf32>, %labels: tensor<?xi64>) -> tensor<f32> attributes {syna.differentiate} {
  %0 = syna.log_softmax %x {axis = 1} : tensor<?x4xf32>
  %1 = syna.nll_loss %0, %labels : tensor<?x4xf32>, tensor<?xi64> -> tensor<f32>
  %2 = syna.log_softmax %x {axis = 1} : tensor<?x4xf32>
  %3 = syna.nll_loss %2, %labels : tensor<?x4xf32>, tensor<?xi64> -> tensor<f32>
  %4 = arith.addf %1, %3 : tensor<f32>
  return %4 : tensor<f32>
}
