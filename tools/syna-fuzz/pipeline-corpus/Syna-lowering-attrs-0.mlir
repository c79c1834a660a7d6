// The lowering configurations print as they parse, as discardable
// attributes of any op.
func.func @configs(%t: tensor<?x64xf32>) -> (tensor<?x64xf32>, tensor<?x64xf32>) {
  %zero = arith.constant 0.0 : f32
  %0 = linalg.fill {syna.tiling = #syna.tiling<tile_sizes = [10]>} ins(%zero : f32) outs(%t : tensor<?x64xf32>) -> tensor<?x64xf32>
  %1 = linalg.fill {syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 16], interchange = [0, 1]>} ins(%zero : f32) outs(%t : tensor<?x64xf32>) -> tensor<?x64xf32>
  return %0, %1 : tensor<?x64xf32>, tensor<?x64xf32>
}
