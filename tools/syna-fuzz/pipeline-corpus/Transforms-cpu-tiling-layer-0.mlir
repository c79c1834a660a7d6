// βᵀ is needed whole by every batch tile: it is computed once, outside the
// batch loop; with 64·64 iterations (below min-parallel-work) it runs
// serially, vectorised.
// One scf.forall over batch tiles of 8 rows holds the whole layer: the
// sigmoid of the tile, the zero fill, the reduction and the fused epilogue;
// temporaries are tile-sized.
//          sigmoid of the tile, 16 lanes at a time
//          the synapse reduction: loops b, then j innermost, four vectors of
//          outputs (64 lanes) per step carried in registers across j
//          fused epilogue: sigmoid, exp, −log, relu

// product-block=4: the reduction's tile has a unit reduction loop (one
// block of four columns) and a combiner the vectorizer does not know (the
// mantissa–exponent step); without its unit loops it is elementwise and
// vectorises, and the mantissa and exponent are loop-carried vectors.

// With min-parallel-work=1 the transpose gets its own parallel loop too; its
// static leading loop is split into at most four tiles (not tiles of 8).

// Without tile sizes, tiling changes nothing.
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %s = syna.sigmoid %x : tensor<?x64xf32>
  %y = syna.synapse_dense %s beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %l = syna.surprisal %y : tensor<?x64xf32>
  %r = syna.relu %l : tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}

// A small batch op (a softmax over 10 classes: 10 iterations per sample,
// about 1,000 for a batch of 100) is not worth a fork and a join: it stays
// serial, with no scf.forall.
func.func @small_batch_op(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %p = syna.softmax %x : tensor<?x10xf32>
  return %p : tensor<?x10xf32>
}
