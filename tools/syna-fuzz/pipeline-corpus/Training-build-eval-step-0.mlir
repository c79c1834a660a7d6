// syna-build-eval-step: the evaluation and prediction steps, with the graph
// in inference mode and the same loss as the train step.

// Cross-entropy on logits; a graph with a dropout key.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1>, batch = 4, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  func.func @g(%x: tensor<?x784xf32>, %key: i64) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %r = syna.dropout %d, %key {rate = 5.000000e-01 : f64} : tensor<?x10xf32>
    return %r : tensor<?x10xf32>
  }
}
// The graph itself is left as it is.
// Inference: the graph as written (dropout not in training mode), called
// with the constant key 0; eval and predict share its compiled code.
// The loss summed over the batch, the number of correct samples.
// The class of the largest softmax probability, and that probability.
