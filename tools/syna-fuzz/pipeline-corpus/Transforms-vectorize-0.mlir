// syna-vectorize applies the #syna.vectorization configurations that it
// finds (select-vectorization.mlir tests how they are chosen) and removes
// them.

// Tile sizes [1, 16]: rows one at a time, 16 lanes per vector.
#id = affine_map<(i, j) -> (i, j)>
func.func @elementwise(%x: tensor<?x64xf32>, %init: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x64xf32>) outs(%init : tensor<?x64xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 16], interchange = [0, 1]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<?x64xf32>
  return %e : tensor<?x64xf32>
}
