// Hand-computed results: S(0.5, 0.5; α=2, β=0.5) = 2·0.5·(1 − 0.25) = 0.75;
// the synapse tensor with β = diag(0.5) gives 0.5·(1 − 0.25) = 0.375 for
// each unit; with β = [[0.5, 0.5], [0, 0]] the first unit is
// 0.5·0.75·0.75 = 0.28125 and the second 0.5.
// Results are written as .npy files (header and 8 bytes of data = 2 floats).
// .npy inputs are read back.
// Compile-time report and IR inspection.

func.func @synapse(%x: tensor<?x2xf32>, %y: tensor<?x2xf32>, %b: tensor<2xf32>, %a: tensor<f32>) -> tensor<?x2xf32> {
  %r = syna.synapse %x, %y beta %b alpha %a : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<2xf32>, tensor<f32>) -> tensor<?x2xf32>
  return %r : tensor<?x2xf32>
}
func.func @dense(%x: tensor<?x2xf32>, %b: tensor<2x2xf32>) -> tensor<?x2xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
