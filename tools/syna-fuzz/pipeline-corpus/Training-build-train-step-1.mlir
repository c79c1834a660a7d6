// Adam on an nll loss: two state buffers, bias corrections from the step.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = adam, batch = 4, epochs = 1, seed = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %l = syna.log_softmax %d : tensor<?x10xf32>
    return %l : tensor<?x10xf32>
  }
}
