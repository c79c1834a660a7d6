// Synapse, swap ratio, log swap ratio and the synapse tensor against float64
// NumPy; oracles: the swap ratio at beta = 1 is the odds ratio, the synapse
// tensor equals the direct per-sample product and is independent of the rest
// of the batch.

func.func @synapse(%x: tensor<8x32xf32>, %y: tensor<8x32xf32>, %b: tensor<32xf32>, %a: tensor<f32>) -> tensor<8x32xf32> {
  %r = syna.synapse %x, %y beta %b alpha %a : (tensor<8x32xf32>, tensor<8x32xf32>, tensor<32xf32>, tensor<f32>) -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}
func.func @swap(%x: tensor<8x32xf32>, %y: tensor<8x32xf32>, %b: tensor<32xf32>) -> tensor<8x32xf32> {
  %r = syna.swap_ratio %x, %y beta %b : (tensor<8x32xf32>, tensor<8x32xf32>, tensor<32xf32>) -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}
func.func @log_swap(%x: tensor<8x32xf32>, %y: tensor<8x32xf32>, %b: tensor<32xf32>) -> tensor<8x32xf32> {
  %r = syna.log_swap_ratio %x, %y beta %b : (tensor<8x32xf32>, tensor<8x32xf32>, tensor<32xf32>) -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}
func.func @dense16(%x: tensor<5x16xf32>, %b: tensor<16x16xf32>, %a: tensor<16xf32>) -> tensor<5x16xf32> {
  %r = syna.synapse_dense %x beta %b alpha %a : (tensor<5x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<5x16xf32>
  return %r : tensor<5x16xf32>
}
func.func @dense16_dyn(%x: tensor<?x16xf32>, %b: tensor<16x16xf32>, %a: tensor<16xf32>) -> tensor<?x16xf32> {
  %r = syna.synapse_dense %x beta %b alpha %a : (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<?x16xf32>
  return %r : tensor<?x16xf32>
}
func.func @dense64(%x: tensor<5x64xf32>, %b: tensor<64x64xf32>, %a: tensor<64xf32>) -> tensor<5x64xf32> {
  %r = syna.synapse_dense %x beta %b alpha %a : (tensor<5x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<5x64xf32>
  return %r : tensor<5x64xf32>
}
func.func @dense64_dyn(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>, %a: tensor<64xf32>) -> tensor<?x64xf32> {
  %r = syna.synapse_dense %x beta %b alpha %a : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}
// 784 inputs: the product's exponent runs far below f32's range (about
// 2^-1500), which only the surprisal form can return.
func.func @surprisal_dense784(%x: tensor<3x784xf32>, %b: tensor<784x784xf32>) -> tensor<3x784xf32> {
  %r = syna.surprisal_synapse_dense %x beta %b : (tensor<3x784xf32>, tensor<784x784xf32>) -> tensor<3x784xf32>
  return %r : tensor<3x784xf32>
}
// x/x is NaN where x = 0: a NaN made inside the graph, which input checks
// cannot catch, must reach every output of its sample.
func.func @nan16(%x: tensor<2x16xf32>, %b: tensor<16x16xf32>, %a: tensor<16xf32>) -> tensor<2x16xf32> {
  %e = tensor.empty() : tensor<2x16xf32>
  %q = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<2x16xf32>) outs(%e : tensor<2x16xf32>) {
  ^bb0(%v: f32, %o: f32):
    %d = arith.divf %v, %v : f32
    linalg.yield %d : f32
  } -> tensor<2x16xf32>
  %r = syna.synapse_dense %q beta %b alpha %a : (tensor<2x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<2x16xf32>
  return %r : tensor<2x16xf32>
}
