// RUN: syna-opt %s --split-input-file --syna-build-train-step --verify-diagnostics
// What syna-build-train-step itself rejects. The dialect verifies the
// syna.model attribute and the graph it names before any pass runs
// (test/Dialect/Syna/model-attr-invalid.mlir).

// expected-error @+1 {{the module has no syna.model attribute}}
module {
}

// -----

// expected-error @+1 {{the module already has a training step}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <zeros>
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
  func.func @__syna_loss() {
    return
  }
}

// -----

module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <zeros>
  syna.param @s : tensor<10xf32> init <ones>
  syna.param @t : tensor<10xf32> init <zeros>
  syna.param @mean : tensor<10xf32> init <zeros>
  syna.param @var : tensor<10xf32> init <ones> buffer
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %s = syna.param_ref @s : tensor<10xf32>
    %t = syna.param_ref @t : tensor<10xf32>
    %m = syna.param_ref @mean : tensor<10xf32>
    %v = syna.param_ref @var : tensor<10xf32>
    // expected-error @+1 {{running statistic @mean must be a `buffer` parameter of domain real}}
    %y, %nm, %nv = syna.batch_norm %d, %s, %t, %m, %v : tensor<?x10xf32>, tensor<10xf32>
    return %y : tensor<?x10xf32>
  }
}

// -----

// A dropout without a key would drop the same elements every step.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <zeros>
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    // expected-error @+1 {{this dropout has no key, so training would drop the same elements every step}}
    %r = syna.dropout %d {rate = 0.5} : tensor<?x10xf32>
    return %r : tensor<?x10xf32>
  }
}
