// sigmoid -> synapse tensor -> surprisal -> relu. After fusion:
//  * the synapse epilogue y = exp(acc)·x, the surprisal −log y and the relu
//    are one elementwise loop nest that also recomputes sigmoid(x[b, i])
//    (read once per iteration), so neither y nor −log y is ever stored;
//  * the reduction over (b, j, i) still reads sigmoid(x) from a tensor: it
//    reads x[b, j] for every i, and fusing would evaluate the sigmoid n
//    times per element (syna-tile-and-fuse fuses it per batch tile).
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %s = syna.sigmoid %x : tensor<?x64xf32>
  %y = syna.synapse_dense %s beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %l = syna.surprisal %y : tensor<?x64xf32>
  %r = syna.relu %l : tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}
