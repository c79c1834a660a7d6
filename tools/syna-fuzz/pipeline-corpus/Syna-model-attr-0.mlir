// #syna.model prints in the schema's order, leaves out what equals a
// default, and reads back what it prints.

// Only the required settings; a float field may be written as an integer.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}
