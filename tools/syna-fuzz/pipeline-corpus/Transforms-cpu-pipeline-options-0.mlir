// The pipeline's options are CompileOptions.def's: the same defaults, ranges
// and checks as syna-run's flags.

// By default the batch loop is tiled (tile-sizes=10) into OpenMP loops.
// An empty tile-sizes leaves the batch loop serial.
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
