// The gradient ops of syna-autodiff lower to linalg like the forward ops.

// synapse_dense_grad: h = g*y, then dx over loops (b, i, j) reducing i only
// (samples never mix) and d-beta over (i, b, j) reducing the batch; both
// recompute 1 - beta*x per term, so no B x n x n tensor exists.
func.func @synapse_dense_grad(%x: tensor<?x16xf32>, %b: tensor<16x16xf32>, %a: tensor<16xf32>, %y: tensor<?x16xf32>, %g: tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>) {
  %dx, %db, %da = syna.synapse_dense_grad %x beta %b alpha %a result %y grad %g : (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x16xf32>, tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>)
  return %dx, %db, %da : tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>
}
