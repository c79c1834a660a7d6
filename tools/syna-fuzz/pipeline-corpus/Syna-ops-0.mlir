// Every syna op survives print -> parse -> print, in custom and generic form.

syna.param @beta : tensor<4x4xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @alpha : tensor<4xf32> init <zeros> domain <at_least_one>
syna.param @w : tensor<10x4xf64> init <kaiming_uniform> domain <real>
syna.param @n : tensor<3x3xf32> init <normal(0.0, 0.01)> domain <positive>
syna.param @c : tensor<2xf32> init <constant(0.5)>
syna.param @o : tensor<2x2xf32> init <ones>
syna.param @k : tensor<2x2xf32> init <kaiming_normal>
syna.param @g : tensor<2x2xf32> init <xavier_uniform>
syna.param @running_var : tensor<4xf32> init <ones> domain <positive> buffer

func.func @params() -> (tensor<4x4xf32>, tensor<4xf32>) {
  %b = syna.param_ref @beta : tensor<4x4xf32>
  %a = syna.param_ref @alpha : tensor<4xf32>
  return %b, %a : tensor<4x4xf32>, tensor<4xf32>
}

func.func @unary(%p: tensor<?x8xf32>, %d: tensor<3xf64>) {
  %0 = syna.surprisal %p : tensor<?x8xf32>
  %1 = syna.prob %0 : tensor<?x8xf32>
  %2 = syna.conjugate %0 : tensor<?x8xf32>
  %3 = syna.bose_einstein %0 : tensor<?x8xf32>
  %4 = syna.odds %p : tensor<?x8xf32>
  %5 = syna.relu %p : tensor<?x8xf32>
  %6 = syna.sigmoid %d : tensor<3xf64>
  %7 = syna.tanh %p : tensor<?x8xf32>
  return
}

func.func @synapses(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>,
                    %a: tensor<f32>, %xb: tensor<?x4xf32>, %bm: tensor<4x4xf32>,
                    %av: tensor<4xf32>) {
  %0 = syna.synapse %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %1 = syna.synapse %x, %y beta %b alpha %a : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %2 = syna.synapse_dense %xb beta %bm : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %3 = syna.synapse_dense %xb beta %bm alpha %av : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %4 = syna.swap_ratio %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %5 = syna.log_swap_ratio %x, %y beta %a : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<f32>) -> tensor<8x4xf32>
  return
}

func.func @circuits(%x: tensor<16xf32>, %s: tensor<f32>, %v: tensor<16xf32>) {
  %0:2 = syna.flip_circuit %x, %x alpha %s, %s beta %v, %s steps 100 : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<f32>) -> (tensor<16xf32>, tensor<16xf32>)
  %1:3 = syna.flip_circuit %x, %x alpha %s, %s beta %s, %s steps 3 : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<4x2x16xf32>)
  return
}

func.func @layers(%img: tensor<?x1x28x28xf32>, %k: tensor<10x1x5x5xf32>, %kb: tensor<10xf32>,
                  %x: tensor<?x320xf32>, %w: tensor<64x320xf32>, %wb: tensor<64xf32>,
                  %g: tensor<64xf32>, %key: i64, %labels: tensor<?xi64>) {
  %c = syna.conv2d %img, %k bias %kb : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>, tensor<10xf32>) -> tensor<?x10x24x24xf32>
  %c2 = syna.conv2d %img, %k {strides = array<i64: 2, 2>, padding = array<i64: 2, 2>} : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x14x14xf32>
  %p = syna.max_pool2d %c {kernel = array<i64: 2, 2>} : tensor<?x10x24x24xf32> -> tensor<?x10x12x12xf32>
  %p2 = syna.max_pool2d %c {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>} : tensor<?x10x24x24xf32> -> tensor<?x10x22x22xf32>
  %f = syna.flatten %p : tensor<?x10x12x12xf32> -> tensor<?x1440xf32>
  %r = syna.reshape %f : tensor<?x1440xf32> -> tensor<?x10x144xf32>
  %d = syna.dense %x, %w bias %wb : (tensor<?x320xf32>, tensor<64x320xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  %d2 = syna.dense %x, %w : (tensor<?x320xf32>, tensor<64x320xf32>) -> tensor<?x64xf32>
  %s = syna.softmax %d : tensor<?x64xf32>
  %s0 = syna.softmax %d {axis = 0} : tensor<?x64xf32>
  %ls = syna.log_softmax %d : tensor<?x64xf32>
  %bn:3 = syna.batch_norm %d, %g, %g, %g, %g {training} : tensor<?x64xf32>, tensor<64xf32>
  %bi:3 = syna.batch_norm %d, %g, %g, %g, %g {epsilon = 1.0e-3, momentum = 0.5} : tensor<?x64xf32>, tensor<64xf32>
  %dr = syna.dropout %d, %key {rate = 0.25, training} : tensor<?x64xf32>
  %l = syna.nll_loss %ls, %labels : tensor<?x64xf32>, tensor<?xi64> -> tensor<f32>
  %ce = syna.cross_entropy %d, %labels {reduction = #syna.reduction<sum>} : tensor<?x64xf32>, tensor<?xi64> -> tensor<f32>
  return
}
