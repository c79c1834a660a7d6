// Every error of #syna.model's parser and verifier, and of the dialect's
// verifier of the discardable syna.* attributes.
// RUN: syna-opt %s --split-input-file --verify-diagnostics

// A setting the schema does not have.
// expected-error @+1 {{unknown setting 'lossy' of #syna.model; expected graph, loss, optimizer, schedule, batch, epochs, seed, data or augment}}
module attributes {syna.model = #syna.model<"m", graph = @g, lossy = nll>} {}

// -----

// A setting given twice.
// expected-error @+1 {{'batch' is set twice}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist, batch = 2>} {}

// -----

// A required setting left out.
// expected-error @+1 {{#syna.model needs 'data = ...'}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1>} {}

// -----

// An unknown kind.
// expected-error @+1 {{unknown optimizer 'rmsprop'; expected sgd or adam}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = rmsprop<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// An unknown loss.
// expected-error @+1 {{unknown loss 'mse'; expected nll or cross_entropy}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = mse, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// A kind-valued setting needs a kind.
// expected-error @+1 {{expected the data set: mnist or fashion_mnist}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = "mnist">} {}

// -----

// A field that the kind does not have.
// expected-error @+1 {{'sgd' has no setting 'beta1'; it takes lr, momentum, nesterov, weight_decay}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1, beta1 = 0.9>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// A kind without fields.
// expected-error @+1 {{'none' has no setting 'pixels'; it takes none}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist, augment = none<pixels = 1>>} {}

// -----

// A field given twice.
// expected-error @+1 {{'lr' is given twice}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1, lr = 0.2>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// A required field left out.
// expected-error @+1 {{'cosine' needs 't_max = ...'}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist, schedule = cosine<eta_min = 0.0>>} {}

// -----

// Wrong types.
// expected-error @+1 {{'lr' of sgd must be a number}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = "fast">, batch = 1, epochs = 1, data = mnist>} {}

// -----

// expected-error @+1 {{'nesterov' of sgd must be true or false}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1, momentum = 0.9, nesterov = 1>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// expected-error @+1 {{'epochs' must be an integer}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 2.5, data = mnist>} {}

// -----

// expected-error @+1 {{'path' of mnist must be a string}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist<path = 3>>} {}

// -----

// expected-error @+1 {{'graph' must name a func.func of the module: graph = @net}}
module attributes {syna.model = #syna.model<"m", graph = "g", loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// Values out of range.
// expected-error @+1 {{'momentum' of sgd must lie in [0, 1), got 1}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1, momentum = 1.0>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// expected-error @+1 {{'lr' of adam must be > 0, got -0.001}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = adam<lr = -1.0e-03>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// expected-error @+1 {{'batch' must lie in [1, 65536], got 0}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 0, epochs = 1, data = mnist>} {}

// -----

// expected-error @+1 {{'pixels' of shift must lie in [1, 8], got 9}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist, augment = shift<pixels = 9>>} {}

// -----

// A rule between fields, checked by the attribute's verifier.
// expected-error @+1 {{Nesterov momentum needs momentum > 0}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1, nesterov = true>, batch = 1, epochs = 1, data = mnist>} {}

// -----

// The graph must be a func.func of the module.
// expected-error @+1 {{syna.model: graph @nope is not a func.func of the module}}
module attributes {syna.model = #syna.model<"m", graph = @nope, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
}

// -----

// expected-error @+1 {{syna.model: graph @g is a declaration; the trainer needs its body}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  func.func private @g(tensor<?x784xf32>) -> tensor<?x10xf32>
}

// -----

// The graph must fit the training loop: 784 values per sample in a batch
// of dynamic size, at most a dropout key more, one [?, 10] result.
// expected-error @+1 {{syna.model: model 'm' feeds mnist images (28x28 = 784 values per sample) to graph 'g', whose first argument must be a float tensor [B, ...] of 784 values per sample, got tensor<?x100xf32>}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x100xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x100xf32>
    %d = syna.dense %x, %w : (tensor<?x100xf32>, tensor<10x100xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}

// -----

// expected-error @+1 {{whose first argument must be a float tensor [B, ...] of 784 values per sample, got tensor<8x784xf32>}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<8x784xf32>) -> tensor<8x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<8x784xf32>, tensor<10x784xf32>) -> tensor<8x10xf32>
    return %d : tensor<8x10xf32>
  }
}

// -----

// expected-error @+1 {{syna.model: the training loop passes graph 'g' a batch and at most one dropout key (i64); argument #1 is tensor<?x784xf32>}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
  func.func @g(%x: tensor<?x784xf32>, %y: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = arith.constant dense<0.0> : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    return %d : tensor<?x10xf32>
  }
}

// -----

// expected-error @+1 {{syna.model: the cross_entropy loss needs one result of 10 class scores per sample, f32[?, 10], from graph 'g', got tensor<?x784xf32>}}
module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = fashion_mnist>} {
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x784xf32> {
    return %x : tensor<?x784xf32>
  }
}

// -----

// syna.model belongs on a module and is a #syna.model.
module {
  // expected-error @+1 {{'func.func' op has 'syna.model', which only a builtin.module may carry}}
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x784xf32> attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 1, epochs = 1, data = mnist>} {
    return %x : tensor<?x784xf32>
  }
}

// -----

// expected-error @+1 {{'syna.model' must be a #syna.model<...>, got {graph = @g, loss = "nll"}}}
module attributes {syna.model = {graph = @g, loss = "nll"}} {
}

// -----

// syna.theta: on a syna.param, a dense attribute of the param's type.
module {
  // expected-error @+1 {{'syna.param' op 'syna.theta' has type 'tensor<3xf32>', but parameter @w is 'tensor<2xf32>'}}
  syna.param @w : tensor<2xf32> init <zeros> {syna.theta = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>}
}

// -----

module {
  // expected-error @+1 {{'syna.param' op 'syna.theta' must be a dense elements attribute of type 'tensor<2xf32>'}}
  syna.param @w : tensor<2xf32> init <zeros> {syna.theta = [1.0, 2.0]}
}

// -----

func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'arith.addf' op has 'syna.theta', which only a syna.param may carry}}
  %0 = arith.addf %x, %x {syna.theta = dense<[1.0, 2.0]> : tensor<2xf32>} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// syna.differentiate: a unit attribute on a func.func.
// expected-error @+1 {{'func.func' op 'syna.differentiate' is a unit attribute, got true}}
func.func @f(%x: tensor<f32>) -> tensor<f32> attributes {syna.differentiate = true} {
  return %x : tensor<f32>
}

// -----

// expected-error @+1 {{'builtin.module' op has 'syna.differentiate', which only a func.func may carry}}
module attributes {syna.differentiate} {
}

// -----

// A syna.* name the dialect does not know.
// expected-error @+1 {{'func.func' op has unknown attribute 'syna.differentiable'; the syna dialect knows syna.differentiate, syna.dim_names, syna.result_dim_names, syna.model, syna.theta}}
func.func @f(%x: tensor<f32>) -> tensor<f32> attributes {syna.differentiable} {
  return %x : tensor<f32>
}

// -----

// Result dimension names: one array per result, a name only where the
// dimension is dynamic.
// expected-error @+1 {{'func.func' op 'syna.result_dim_names' must hold one array of strings per result, one per dimension, a name only where the dimension is dynamic}}
func.func @f(%x: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {syna.result_dim_names = [["B", "C"]]} {
  return %x : tensor<?x4xf32>
}
