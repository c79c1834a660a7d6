// syna-run gradcheck on the layers: dense, conv2d (strides, padding),
// max_pool2d, relu, flatten/reshape, softmax, log_softmax, batch_norm in
// training and inference, dropout (a fixed key: a constant mask).

syna.param @w : tensor<5x4xf32> init <kaiming_uniform>
syna.param @b : tensor<5xf32> init <zeros>
syna.param @w12 : tensor<5x12xf32> init <kaiming_uniform>
syna.param @k : tensor<3x2x3x3xf32> init <kaiming_uniform>
syna.param @kb : tensor<3xf32> init <uniform(-0.1, 0.1)>
syna.param @scale : tensor<5xf32> init <ones>
syna.param @shift : tensor<5xf32> init <zeros>
syna.param @rmean : tensor<5xf32> init <normal(0.0, 0.1)> buffer
syna.param @rvar : tensor<5xf32> init <ones> domain <positive> buffer

func.func @dense_softmax(%x: tensor<?x4xf32>) -> (tensor<?x5xf32>, tensor<?x5xf32>) {
  %w = syna.param_ref @w : tensor<5x4xf32>
  %b = syna.param_ref @b : tensor<5xf32>
  %l = syna.dense %x, %w bias %b : (tensor<?x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<?x5xf32>
  %s = syna.softmax %l : tensor<?x5xf32>
  %ls = syna.log_softmax %l : tensor<?x5xf32>
  return %s, %ls : tensor<?x5xf32>, tensor<?x5xf32>
}

// conv2d (stride 2, padding 1) → relu → max_pool2d (2×2) → flatten → dense;
// the input gradient reaches the image through conv2d_input_grad.
func.func @conv_pool(%img: tensor<?x2x9x9xf32>) -> tensor<?x5xf32> {
  %k = syna.param_ref @k : tensor<3x2x3x3xf32>
  %kb = syna.param_ref @kb : tensor<3xf32>
  %c = syna.conv2d %img, %k bias %kb {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x2x9x9xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<?x3x5x5xf32>
  %r = syna.relu %c : tensor<?x3x5x5xf32>
  %p = syna.max_pool2d %r {kernel = array<i64: 2, 2>} : tensor<?x3x5x5xf32> -> tensor<?x3x2x2xf32>
  %f = syna.flatten %p : tensor<?x3x2x2xf32> -> tensor<?x12xf32>
  %h = syna.reshape %f : tensor<?x12xf32> -> tensor<?x4x3xf32>
  %s = syna.softmax %h : tensor<?x4x3xf32>
  %g = syna.reshape %s : tensor<?x4x3xf32> -> tensor<?x12xf32>
  %w = syna.param_ref @w12 : tensor<5x12xf32>
  %o = syna.dense %g, %w : (tensor<?x12xf32>, tensor<5x12xf32>) -> tensor<?x5xf32>
  return %o : tensor<?x5xf32>
}

func.func @bn_train_dropout(%x: tensor<?x5xf32>, %key: i64) -> (tensor<?x5xf32>, tensor<5xf32>, tensor<5xf32>) {
  %s = syna.param_ref @scale : tensor<5xf32>
  %h = syna.param_ref @shift : tensor<5xf32>
  %m = syna.param_ref @rmean : tensor<5xf32>
  %v = syna.param_ref @rvar : tensor<5xf32>
  %y:3 = syna.batch_norm %x, %s, %h, %m, %v {training} : tensor<?x5xf32>, tensor<5xf32>
  %d = syna.dropout %y#0, %key {rate = 0.3, training} : tensor<?x5xf32>
  return %d, %y#1, %y#2 : tensor<?x5xf32>, tensor<5xf32>, tensor<5xf32>
}

// Inference: the running statistics are differentiated too (θ of a positive
// running variance).
func.func @bn_inference(%x: tensor<?x5x2x2xf32>) -> tensor<?x5x2x2xf32> {
  %s = syna.param_ref @scale : tensor<5xf32>
  %h = syna.param_ref @shift : tensor<5xf32>
  %m = syna.param_ref @rmean : tensor<5xf32>
  %v = syna.param_ref @rvar : tensor<5xf32>
  %y:3 = syna.batch_norm %x, %s, %h, %m, %v : tensor<?x5x2x2xf32>, tensor<5xf32>
  return %y#0 : tensor<?x5x2x2xf32>
}
