// The window argmax of max_pool2d_grad has two results (max, position),
// both contiguous along ow: it is vectorised along ow (the whole row of 12),
// its tile loop outside kh, kw, which are tiled to 1 and dropped, so the
// select-based combination is elementwise on vectors, without
// data-dependent branches; (max, position) stay in registers (loop
// iter_args) over the window.
func.func @pool_grad(%x: tensor<?x10x24x24xf32>, %g: tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x10x24x24xf32>, tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32>
  return %dx : tensor<?x10x24x24xf32>
}
