// Without a configuration an op is left alone; a static leading loop is
// tiled by its configured size.
#id = affine_map<(i, j) -> (i, j)>
func.func @static_and_unmarked(%x: tensor<64x8xf32>) -> (tensor<64x8xf32>, tensor<64x8xf32>) {
  %e0 = tensor.empty() : tensor<64x8xf32>
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<64x8xf32>) outs(%e0 : tensor<64x8xf32>)
      attrs = {syna.tiling = #syna.tiling<tile_sizes = [16]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<64x8xf32>
  %l0 = tensor.empty() : tensor<64x8xf32>
  %l = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<64x8xf32>) outs(%l0 : tensor<64x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = math.log %in : f32
    linalg.yield %v : f32
  } -> tensor<64x8xf32>
  return %e, %l : tensor<64x8xf32>, tensor<64x8xf32>
}
