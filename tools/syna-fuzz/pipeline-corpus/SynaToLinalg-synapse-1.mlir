// product-block=4: x and βᵀ are split into four column phases by one parallel
// loop nest each; the reduction over (b, j/4, i) multiplies four factors
// 1 − β·x (fused multiply-adds, then pairwise) into the mantissa m, then moves m's binary exponent into the i32
// exponent e with bit operations: no logarithm in the loop. The epilogue
// forms x·m·2^e from two exact powers of two.
func.func @blocked(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
