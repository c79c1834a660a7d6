// Folding stops where a value would not be finite in the element type: the
// op stays visible. (Constants outside an operand's domain do not verify:
// invalid.mlir.) −log 0 = inf; n_BE(1e−40) = 1e40 is finite in f64 but not
// in f32.
func.func @no_fold_to_infinity() -> (tensor<f32>, tensor<f32>) {
  %zero = arith.constant dense<0.0> : tensor<f32>
  %tiny = arith.constant dense<1.0e-40> : tensor<f32>
  %0 = syna.surprisal %zero : tensor<f32>
  %1 = syna.bose_einstein %tiny : tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}
