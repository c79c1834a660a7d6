// #syna.model prints in the schema's order, leaves out what equals a
// default, and reads back what it prints.
// RUN: syna-opt %s --split-input-file | FileCheck %s
// RUN: syna-opt %s --split-input-file | syna-opt --split-input-file | FileCheck %s

// Only the required settings; a float field may be written as an integer.
// CHECK: module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 1.0>, batch = 1, epochs = 1, data = mnist>}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}

// -----

// Every setting, in another order; a default written out (beta1 = 0.9) is
// left out when printed.
// CHECK: module attributes {syna.model = #syna.model<"full", graph = @g, loss = cross_entropy,
// CHECK-SAME: optimizer = adam<lr = 0.002, eps = 1.0e-07, weight_decay = 0.0001>,
// CHECK-SAME: schedule = cosine<t_max = 12, eta_min = 1.0e-05>, batch = 100, epochs = 12, seed = 7,
// CHECK-SAME: data = fashion_mnist<path = "/data/fashion">, augment = shift<pixels = 2>>}
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

// -----

// Optional settings at their defaults are left out; SGD with every field; a
// graph of images [B, 1, 28, 28] in f64 that takes a dropout key.
// CHECK: module attributes {syna.model = #syna.model<"d", graph = @g, loss = nll,
// CHECK-SAME: optimizer = sgd<lr = 0.1, momentum = 0.9, nesterov = true, weight_decay = 0.001>,
// CHECK-SAME: batch = 64, epochs = 3, data = mnist>}
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

// -----

// The step and exponential schedules.
// CHECK: schedule = step<step_size = 3>,
module attributes {syna.model = #syna.model<"s", graph = @g, loss = nll, optimizer = adam, schedule = step<step_size = 3, gamma = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}

// -----

// CHECK: schedule = exponential<gamma = 0.95>,
module attributes {syna.model = #syna.model<"e", graph = @g, loss = nll, optimizer = adam, schedule = exponential<gamma = 0.95>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}
