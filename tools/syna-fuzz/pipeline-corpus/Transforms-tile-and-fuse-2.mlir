// A marked op that a later root's tiles absorb (a fused producer) is gone
// with it: one forall, and no configuration is left on the copy in the
// tile.
#id = affine_map<(i, j) -> (i, j)>
func.func @fused_mark(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x8xf32>
  %e0 = tensor.empty(%n) : tensor<?x8xf32>
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x8xf32>) outs(%e0 : tensor<?x8xf32>)
      attrs = {syna.tiling = #syna.tiling<tile_sizes = [10]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<?x8xf32>
  %l0 = tensor.empty(%n) : tensor<?x8xf32>
  %l = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%e : tensor<?x8xf32>) outs(%l0 : tensor<?x8xf32>)
      attrs = {syna.tiling = #syna.tiling<tile_sizes = [10]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.log %in : f32
    linalg.yield %v : f32
  } -> tensor<?x8xf32>
  return %l : tensor<?x8xf32>
}
