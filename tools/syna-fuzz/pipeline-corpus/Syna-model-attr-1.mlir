// Every setting, in another order; a default written out (beta1 = 0.9) is
// left out when printed.
module attributes {syna.model = #syna.model<"full", augment = shift<pixels = 2>, seed = 7,
    data = fashion_mnist<path = "/data/fashion">, epochs = 12, batch = 100,
    schedule = cosine<eta_min = 1.0e-05, t_max = 12>,
    optimizer = adam<weight_decay = 1.0e-04, lr = 0.002, beta1 = 0.9, eps = 1.0e-07>,
    loss = cross_entropy, graph = @g>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}
