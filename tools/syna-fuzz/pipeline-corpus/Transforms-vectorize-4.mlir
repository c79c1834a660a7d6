// All tile sizes 0: the op is one vector as it is, with no loops.
#id = affine_map<(i, j) -> (i, j)>
func.func @whole(%x: tensor<2x8xf32>, %init: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<2x8xf32>) outs(%init : tensor<2x8xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [0, 0], interchange = [0, 1]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<2x8xf32>
  return %e : tensor<2x8xf32>
}
