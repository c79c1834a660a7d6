// The whole layer reaches the LLVM dialect: batch tiles run in OpenMP
// worksharing loops, transcendental functions are 16-lane polynomials (no
// libm call per element), and nothing of syna, linalg, tensor, math or
// vector remains.


func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %s = syna.sigmoid %x : tensor<?x64xf32>
  %y = syna.synapse_dense %s beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %l = syna.surprisal %y : tensor<?x64xf32>
  %r = syna.relu %l : tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}
