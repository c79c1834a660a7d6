// The SynaNN MLP (784 → dense 250 → softmax → synapse tensor → batch-norm →
// dense 10), written directly in the syna dialect, in inference mode.
// `syna-opt --canonicalize` removes what inference does not need: dropout,
// the forwarding of batch-norm statistics, and a round trip through
// surprisal space.
//
//   syna-opt --canonicalize examples/synamlp_inference.mlir

syna.param @fc1_w : tensor<250x784xf32> init <kaiming_uniform>
syna.param @fc1_b : tensor<250xf32> init <zeros>
// β = sigmoid(θ) stays in (0, 1); α = 1 + softplus(θ) stays ≥ 1.
syna.param @syn_beta : tensor<250x250xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @syn_alpha : tensor<250xf32> init <zeros> domain <at_least_one>
syna.param @bn_scale : tensor<250xf32> init <ones>
syna.param @bn_shift : tensor<250xf32> init <zeros>
syna.param @bn_mean : tensor<250xf32> init <zeros>
syna.param @bn_var : tensor<250xf32> init <ones>
syna.param @fc2_w : tensor<10x250xf32> init <kaiming_uniform>
syna.param @fc2_b : tensor<10xf32> init <zeros>

func.func @synamlp(%images: tensor<?x784xf32>, %key: i64) -> tensor<?x10xf32> {
  %w1 = syna.param_ref @fc1_w : tensor<250x784xf32>
  %b1 = syna.param_ref @fc1_b : tensor<250xf32>
  %h = syna.dense %images, %w1 bias %b1 : (tensor<?x784xf32>, tensor<250x784xf32>, tensor<250xf32>) -> tensor<?x250xf32>
  %p = syna.softmax %h : tensor<?x250xf32>
  // Surprisal and back: the canonicalizer removes the round trip.
  %s = syna.surprisal %p : tensor<?x250xf32>
  %q = syna.prob %s : tensor<?x250xf32>
  %beta = syna.param_ref @syn_beta : tensor<250x250xf32>
  %alpha = syna.param_ref @syn_alpha : tensor<250xf32>
  %y = syna.synapse_dense %q beta %beta alpha %alpha : (tensor<?x250xf32>, tensor<250x250xf32>, tensor<250xf32>) -> tensor<?x250xf32>
  %scale = syna.param_ref @bn_scale : tensor<250xf32>
  %shift = syna.param_ref @bn_shift : tensor<250xf32>
  %mean = syna.param_ref @bn_mean : tensor<250xf32>
  %var = syna.param_ref @bn_var : tensor<250xf32>
  %n:3 = syna.batch_norm %y, %scale, %shift, %mean, %var : tensor<?x250xf32>, tensor<250xf32>
  // Inference mode: dropout is the identity.
  %d = syna.dropout %n#0, %key {rate = 0.25} : tensor<?x250xf32>
  %w2 = syna.param_ref @fc2_w : tensor<10x250xf32>
  %b2 = syna.param_ref @fc2_b : tensor<10xf32>
  %logits = syna.dense %d, %w2 bias %b2 : (tensor<?x250xf32>, tensor<10x250xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  %out = syna.log_softmax %logits : tensor<?x10xf32>
  return %out : tensor<?x10xf32>
}

// A flip circuit with equal parameters follows the logistic map; with
// constant inputs it folds. α = 3.2 settles on the 2-cycle {0.513, 0.799}.
func.func @flip_circuit() -> (tensor<f32>, tensor<f32>) {
  %x0 = arith.constant dense<0.3> : tensor<f32>
  %alpha = arith.constant dense<3.2> : tensor<f32>
  %beta = arith.constant dense<1.0> : tensor<f32>
  %x, %y = syna.flip_circuit %x0, %x0 alpha %alpha, %alpha beta %beta, %beta steps 1000 : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %x, %y : tensor<f32>, tensor<f32>
}
