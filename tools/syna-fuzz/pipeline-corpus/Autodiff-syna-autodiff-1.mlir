// Several results: one seed argument per float result, after the arguments;
// an argument that nothing depends on gets a zero adjoint (tensor.splat for
// a dynamic shape); an integer result gets no seed.
func.func @two_results(%x: tensor<?x4xf32>, %unused: tensor<?x2xf32>, %k: i64)
    -> (tensor<?x4xf32>, i64, tensor<?x4xf32>) attributes {syna.differentiate} {
  %0 = syna.relu %x : tensor<?x4xf32>
  %1 = syna.sigmoid %x : tensor<?x4xf32>
  return %0, %k, %1 : tensor<?x4xf32>, i64, tensor<?x4xf32>
}
// sigmoid: g·s·(1 − s), the 1 splat over the dynamic batch.
// relu: select(x > 0, g, 0).
// Fan-out: x feeds both ops; the adjoints add.
