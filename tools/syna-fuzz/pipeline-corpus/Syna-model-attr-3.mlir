// The step and exponential schedules.
module attributes {syna.model = #syna.model<"s", graph = @g, loss = nll, optimizer = adam, schedule = step<step_size = 3, gamma = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}
