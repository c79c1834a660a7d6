// Tensor-level arith (from syna-surprisal-rewrite) becomes linalg as well.
func.func @tensor_add(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %r = arith.addf %a, %b : tensor<3xf32>
  return %r : tensor<3xf32>
}
