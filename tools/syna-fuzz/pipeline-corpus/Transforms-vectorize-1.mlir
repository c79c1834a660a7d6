// A reduction over (b, k, o) with the interchange [0, 2, 1]: the reduction
// loop k runs innermost, and the 32-lane accumulator, read and written at
// one place, is hoisted out of it into a loop-carried vector.
#mapx = affine_map<(b, k, o) -> (b, k)>
#mapw = affine_map<(b, k, o) -> (k, o)>
#mapy = affine_map<(b, k, o) -> (b, o)>
func.func @reduction(%x: tensor<?x128xf32>, %w: tensor<128x64xf32>, %acc: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %y = linalg.generic {indexing_maps = [#mapx, #mapw, #mapy], iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%x, %w : tensor<?x128xf32>, tensor<128x64xf32>) outs(%acc : tensor<?x64xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 32], interchange = [0, 2, 1]>} {
  ^bb0(%a: f32, %b: f32, %s: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %s, %p : f32
    linalg.yield %r : f32
  } -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
