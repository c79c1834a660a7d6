// The SynaNN PyTorch MNIST network (docs/math.md §8), inference, per sample:
// conv(1→10, k5) → max pool → ReLU → conv(10→20, k5) → max pool → ReLU →
// flatten (320) → linear 320→64 → ReLU → softmax → synapse tensor (64) →
// batch norm → linear 64→10 → log_softmax. (Dropout is the identity at
// inference and is left out.)
//
//   syna-run run examples/mnist_cnn.mlir --graph predict -i images.npy --timing
//
// images.npy: float32, shape (B, 1, 28, 28), values in [0, 1].

syna.param @conv1_w : tensor<10x1x5x5xf32> init <kaiming_uniform>
syna.param @conv1_b : tensor<10xf32> init <zeros>
syna.param @conv2_w : tensor<20x10x5x5xf32> init <kaiming_uniform>
syna.param @conv2_b : tensor<20xf32> init <zeros>
syna.param @fc1_w : tensor<64x320xf32> init <kaiming_uniform>
syna.param @fc1_b : tensor<64xf32> init <zeros>
syna.param @syn_beta : tensor<64x64xf32> init <uniform(-4.0, -2.0)> domain <unit>
syna.param @bn_scale : tensor<64xf32> init <ones>
syna.param @bn_shift : tensor<64xf32> init <zeros>
syna.param @bn_mean : tensor<64xf32> init <zeros>
syna.param @bn_var : tensor<64xf32> init <ones>
syna.param @fc2_w : tensor<10x64xf32> init <kaiming_uniform>
syna.param @fc2_b : tensor<10xf32> init <zeros>

func.func @predict(%x: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> {
  %w1 = syna.param_ref @conv1_w : tensor<10x1x5x5xf32>
  %b1 = syna.param_ref @conv1_b : tensor<10xf32>
  %c1 = syna.conv2d %x, %w1 bias %b1 : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>, tensor<10xf32>) -> tensor<?x10x24x24xf32>
  %p1 = syna.max_pool2d %c1 {kernel = array<i64: 2, 2>} : tensor<?x10x24x24xf32> -> tensor<?x10x12x12xf32>
  %r1 = syna.relu %p1 : tensor<?x10x12x12xf32>
  %w2 = syna.param_ref @conv2_w : tensor<20x10x5x5xf32>
  %b2 = syna.param_ref @conv2_b : tensor<20xf32>
  %c2 = syna.conv2d %r1, %w2 bias %b2 : (tensor<?x10x12x12xf32>, tensor<20x10x5x5xf32>, tensor<20xf32>) -> tensor<?x20x8x8xf32>
  %p2 = syna.max_pool2d %c2 {kernel = array<i64: 2, 2>} : tensor<?x20x8x8xf32> -> tensor<?x20x4x4xf32>
  %r2 = syna.relu %p2 : tensor<?x20x4x4xf32>
  %f = syna.flatten %r2 : tensor<?x20x4x4xf32> -> tensor<?x320xf32>
  %fw = syna.param_ref @fc1_w : tensor<64x320xf32>
  %fb = syna.param_ref @fc1_b : tensor<64xf32>
  %h = syna.dense %f, %fw bias %fb : (tensor<?x320xf32>, tensor<64x320xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  %hr = syna.relu %h : tensor<?x64xf32>
  %s = syna.softmax %hr : tensor<?x64xf32>
  %beta = syna.param_ref @syn_beta : tensor<64x64xf32>
  %y = syna.synapse_dense %s beta %beta : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %g = syna.param_ref @bn_scale : tensor<64xf32>
  %sh = syna.param_ref @bn_shift : tensor<64xf32>
  %m = syna.param_ref @bn_mean : tensor<64xf32>
  %v = syna.param_ref @bn_var : tensor<64xf32>
  %n, %nm, %nv = syna.batch_norm %y, %g, %sh, %m, %v : tensor<?x64xf32>, tensor<64xf32>
  %ow = syna.param_ref @fc2_w : tensor<10x64xf32>
  %ob = syna.param_ref @fc2_b : tensor<10xf32>
  %o = syna.dense %n, %ow bias %ob : (tensor<?x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  %lp = syna.log_softmax %o : tensor<?x10xf32>
  return %lp : tensor<?x10xf32>
}

func.func @loss(%x: tensor<?x1x28x28xf32>, %labels: tensor<?xi64>) -> tensor<f32> {
  %lp = call @predict(%x) : (tensor<?x1x28x28xf32>) -> tensor<?x10xf32>
  %l = syna.nll_loss %lp, %labels : tensor<?x10xf32>, tensor<?xi64> -> tensor<f32>
  return %l : tensor<f32>
}
