// RUN: syna-opt %s --split-input-file --syna-build-train-step --verify-diagnostics

// expected-error @+1 {{the module has no syna.model attribute}}
module {
}

// -----

// expected-error @+1 {{syna.model: graph @nope is not a func.func of the module}}
module attributes {syna.model = {graph = @nope, loss = "nll", optimizer = {kind = "sgd", lr = 1.0e-1 : f64}}} {
}

// -----

// expected-error @+1 {{syna.model: unknown loss 'mse'}}
module attributes {syna.model = {graph = @g, loss = "mse", optimizer = {kind = "sgd", lr = 1.0e-1 : f64}}} {
  func.func @g(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
    return %x : tensor<?x4xf32>
  }
}

// -----

// expected-error @+1 {{syna.model: unknown optimizer 'rmsprop'}}
module attributes {syna.model = {graph = @g, loss = "nll", optimizer = {kind = "rmsprop", lr = 1.0e-1 : f64}}} {
  func.func @g(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
    return %x : tensor<?x4xf32>
  }
}

// -----

module attributes {syna.model = {graph = @g, loss = "nll", optimizer = {kind = "sgd", lr = 1.0e-1 : f64}}} {
  // expected-error @+1 {{the graph's second argument must be an i64 dropout key}}
  func.func @g(%x: tensor<?x4xf32>, %y: tensor<?x4xf32>) -> tensor<?x4xf32> {
    return %x : tensor<?x4xf32>
  }
}
