// syna-tile-and-fuse applies the #syna.tiling configurations that it finds
// (select-tiling.mlir tests how they are chosen) and removes them. The
// root's exclusive producer and its fill are fused into each tile; the
// transpose whose whole result every tile reads stays outside, computed
// once.
#mapx = affine_map<(b, k, o) -> (b, k)>
#mapw = affine_map<(b, k, o) -> (k, o)>
#mapy = affine_map<(b, k, o) -> (b, o)>
#id = affine_map<(b, k) -> (b, k)>
func.func @root(%x: tensor<?x32xf32>, %w: tensor<16x32xf32>) -> tensor<?x16xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x32xf32>
  %e0 = tensor.empty(%n) : tensor<?x32xf32>
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x32xf32>) outs(%e0 : tensor<?x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<?x32xf32>
  %t0 = tensor.empty() : tensor<32x16xf32>
  %t = linalg.transpose ins(%w : tensor<16x32xf32>) outs(%t0 : tensor<32x16xf32>) permutation = [1, 0]
  %y0 = tensor.empty(%n) : tensor<?x16xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%y0 : tensor<?x16xf32>) -> tensor<?x16xf32>
  %y = linalg.generic {indexing_maps = [#mapx, #mapw, #mapy], iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%e, %t : tensor<?x32xf32>, tensor<32x16xf32>) outs(%fill : tensor<?x16xf32>)
      attrs = {syna.tiling = #syna.tiling<tile_sizes = [10]>} {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}
