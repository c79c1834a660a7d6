// The 2018 SynaNN Keras MLP (docs/math.md §8), inference:
// 784 → dense 250 → batch norm → softmax → synapse tensor (250) →
// batch norm → dense 10 → softmax.
//
//   syna-run run examples/mnist_mlp.mlir --graph predict -i images.npy --timing
//
// images.npy: float32, shape (B, 784), values in [0, 1].

syna.param @w1 : tensor<250x784xf32> init <kaiming_uniform>
syna.param @b1 : tensor<250xf32> init <zeros>
syna.param @bn1_scale : tensor<250xf32> init <ones>
syna.param @bn1_shift : tensor<250xf32> init <zeros>
syna.param @bn1_mean : tensor<250xf32> init <zeros>
syna.param @bn1_var : tensor<250xf32> init <ones>
syna.param @beta : tensor<250x250xf32> init <uniform(-4.0, -2.0)> domain <unit>
syna.param @bn2_scale : tensor<250xf32> init <ones>
syna.param @bn2_shift : tensor<250xf32> init <zeros>
syna.param @bn2_mean : tensor<250xf32> init <zeros>
syna.param @bn2_var : tensor<250xf32> init <ones>
syna.param @w2 : tensor<10x250xf32> init <kaiming_uniform>
syna.param @b2 : tensor<10xf32> init <zeros>

func.func @predict(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
  %w1 = syna.param_ref @w1 : tensor<250x784xf32>
  %b1 = syna.param_ref @b1 : tensor<250xf32>
  %h = syna.dense %x, %w1 bias %b1 : (tensor<?x784xf32>, tensor<250x784xf32>, tensor<250xf32>) -> tensor<?x250xf32>
  %g1 = syna.param_ref @bn1_scale : tensor<250xf32>
  %s1 = syna.param_ref @bn1_shift : tensor<250xf32>
  %m1 = syna.param_ref @bn1_mean : tensor<250xf32>
  %v1 = syna.param_ref @bn1_var : tensor<250xf32>
  %n1, %nm1, %nv1 = syna.batch_norm %h, %g1, %s1, %m1, %v1 : tensor<?x250xf32>, tensor<250xf32>
  %p = syna.softmax %n1 : tensor<?x250xf32>
  %beta = syna.param_ref @beta : tensor<250x250xf32>
  %y = syna.synapse_dense %p beta %beta : (tensor<?x250xf32>, tensor<250x250xf32>) -> tensor<?x250xf32>
  %g2 = syna.param_ref @bn2_scale : tensor<250xf32>
  %s2 = syna.param_ref @bn2_shift : tensor<250xf32>
  %m2 = syna.param_ref @bn2_mean : tensor<250xf32>
  %v2 = syna.param_ref @bn2_var : tensor<250xf32>
  %n2, %nm2, %nv2 = syna.batch_norm %y, %g2, %s2, %m2, %v2 : tensor<?x250xf32>, tensor<250xf32>
  %w2 = syna.param_ref @w2 : tensor<10x250xf32>
  %b2 = syna.param_ref @b2 : tensor<10xf32>
  %o = syna.dense %n2, %w2 bias %b2 : (tensor<?x250xf32>, tensor<10x250xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  %sm = syna.softmax %o : tensor<?x10xf32>
  return %sm : tensor<?x10xf32>
}
