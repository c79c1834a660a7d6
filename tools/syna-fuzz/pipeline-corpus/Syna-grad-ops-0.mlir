// The shape and gradient ops survive print -> parse -> print, in custom and
// generic form.

func.func @shape_ops(%b: tensor<4xf32>, %g: tensor<?x4xf32>, %h: tensor<?x8x5x5xf32>, %w: tensor<64x320xf32>) {
  %0 = syna.broadcast %b like %g : tensor<4xf32> -> tensor<?x4xf32>
  %1 = syna.reduce_to_shape %g : tensor<?x4xf32> -> tensor<4xf32>
  %2 = syna.reduce_to_shape %h : tensor<?x8x5x5xf32> -> tensor<8x1x1xf32>
  %3 = syna.transpose %w {permutation = array<i64: 1, 0>} : tensor<64x320xf32> -> tensor<320x64xf32>
  %4 = syna.transpose %h {permutation = array<i64: 2, 0, 3, 1>} : tensor<?x8x5x5xf32> -> tensor<5x?x5x8xf32>
  return
}

func.func @synapse_grads(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>, %a: tensor<64xf32>,
                         %s: tensor<16xf32>, %k: tensor<f32>, %t: tensor<4x2x16xf32>) {
  %0:3 = syna.synapse_dense_grad %x beta %b alpha %a result %x grad %x : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>, tensor<?x64xf32>, tensor<?x64xf32>) -> (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>)
  %1:2 = syna.synapse_dense_grad %x beta %b result %x grad %x : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<?x64xf32>, tensor<?x64xf32>) -> (tensor<?x64xf32>, tensor<64x64xf32>)
  %2:6 = syna.flip_circuit_grad %s, %s alpha %k, %k beta %s, %k steps 100 grad %s, %s : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<f32>)
  %3:6 = syna.flip_circuit_grad %s, %s alpha %k, %k beta %k, %k steps 3 grad %s, %s trajectory %t : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>, tensor<4x2x16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
  return
}

func.func @layer_grads(%img: tensor<?x1x28x28xf32>, %k: tensor<10x1x5x5xf32>, %gc: tensor<?x10x24x24xf32>,
                       %gs: tensor<?x10x14x14xf32>, %gp: tensor<?x10x12x12xf32>,
                       %x: tensor<?x64xf32>, %c: tensor<64xf32>, %y: tensor<?x64x3x3xf32>,
                       %labels: tensor<?xi64>, %l: tensor<f32>) {
  %0 = syna.conv2d_input_grad %gc, %k : (tensor<?x10x24x24xf32>, tensor<10x1x5x5xf32>) -> tensor<?x1x28x28xf32>
  %1 = syna.conv2d_input_grad %gs, %k {strides = array<i64: 2, 2>, padding = array<i64: 2, 2>} : (tensor<?x10x14x14xf32>, tensor<10x1x5x5xf32>) -> tensor<?x1x28x28xf32>
  %2 = syna.conv2d_weight_grad %img, %gc : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32>
  %3 = syna.max_pool2d_grad %gc, %gp {kernel = array<i64: 2, 2>} : (tensor<?x10x24x24xf32>, tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32>
  %4:3 = syna.batch_norm_grad %x, %c, %c, %c grad %x {training} : tensor<?x64xf32>, tensor<64xf32>
  %5:3 = syna.batch_norm_grad %y, %c, %c, %c grad %y {epsilon = 1.0e-3} : tensor<?x64x3x3xf32>, tensor<64xf32>
  %6 = syna.nll_loss_grad %x, %labels grad %l : tensor<?x64xf32>, tensor<?xi64>, tensor<f32>
  %7 = syna.nll_loss_grad %x, %labels grad %l {reduction = #syna.reduction<sum>} : tensor<?x64xf32>, tensor<?xi64>, tensor<f32>
  return
}
