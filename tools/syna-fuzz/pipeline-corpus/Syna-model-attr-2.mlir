// Optional settings at their defaults are left out; SGD with every field; a
// graph of images [B, 1, 28, 28] in f64 that takes a dropout key.
module attributes {syna.model = #syna.model<"d", graph = @g, loss = nll,
    optimizer = sgd<lr = 0.1, momentum = 0.9, nesterov = true, weight_decay = 0.001>,
    schedule = constant, batch = 64, epochs = 3, seed = 0, data = mnist<path = "">,
    augment = none>} {
  func.func @g(%x: tensor<?x1x28x28xf64>, %key: i64) -> tensor<?x10xf64> {
    %f = syna.flatten %x : tensor<?x1x28x28xf64> -> tensor<?x784xf64>
    %w = arith.constant dense<0.0> : tensor<10x784xf64>
    %d = syna.dense %f, %w : (tensor<?x784xf64>, tensor<10x784xf64>) -> tensor<?x10xf64>
    return %d : tensor<?x10xf64>
  }
}
