// The synapse tensor is one reduction over (b, j, i) that accumulates
// log1p(-beta[i, j] * x[b, j]), then one exponential per output; no B x n x n
// tensor and no diag(x) exist.
func.func @synapse_dense(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>, %a: tensor<64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b alpha %a : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
