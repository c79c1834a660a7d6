// syna.param_read / syna.param_write: round trip, verifier errors, and the
// lowering to ml_program globals.

syna.param @w : tensor<4xf32> init <ones> domain <unit>
func.func @step(%g: tensor<4xf32>) {
  %t = syna.param_read @w : tensor<4xf32>
  %n = arith.subf %t, %g : tensor<4xf32>
  syna.param_write @w, %n : tensor<4xf32>
  return
}
