// syna-build-train-step on small models: the loss in training mode, the
// optimizer update of each learnable parameter, the buffers, the accuracy.

// SGD with Nesterov momentum and weight decay; cross-entropy on logits;
// a batch norm with buffer statistics; a dropout with a key.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1, momentum = 0.9, nesterov = true, weight_decay = 0.01>, batch = 4, epochs = 1, seed = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  syna.param @s : tensor<10xf32> init <ones>
  syna.param @t : tensor<10xf32> init <zeros>
  syna.param @mean : tensor<10xf32> init <zeros> buffer
  syna.param @var : tensor<10xf32> init <ones> buffer
  func.func @g(%x: tensor<?x784xf32>, %key: i64) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %s = syna.param_ref @s : tensor<10xf32>
    %t = syna.param_ref @t : tensor<10xf32>
    %m = syna.param_ref @mean : tensor<10xf32>
    %v = syna.param_ref @var : tensor<10xf32>
    %y, %nm, %nv = syna.batch_norm %d, %s, %t, %m, %v : tensor<?x10xf32>, tensor<10xf32>
    %r = syna.dropout %y, %key {rate = 5.000000e-01 : f64} : tensor<?x10xf32>
    return %r : tensor<?x10xf32>
  }
}
// The evaluation graph is unchanged (no training flags).
// Optimizer state: one momentum buffer per learnable parameter, none for
// the running statistics.
// The update of θ: g' = g + wd·θ; m = μ·m + g'; θ -= lr·(g' + μ·m).
// The accuracy of the batch: the samples whose largest score is at their
// label (first index of the maximum), counted in i64.
