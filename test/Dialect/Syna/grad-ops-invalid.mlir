// One case per verifier error of the shape and gradient ops.
// RUN: syna-opt %s --split-input-file --verify-diagnostics

func.func @broadcast_incompatible(%v: tensor<3xf32>, %like: tensor<?x4xf32>) {
  // expected-error @+1 {{input shape 3 does not broadcast to result shape ?x4}}
  %0 = syna.broadcast %v like %like : tensor<3xf32> -> tensor<?x4xf32>
  return
}

// -----

func.func @broadcast_rank(%v: tensor<2x4xf32>, %like: tensor<4xf32>) {
  // expected-error @+1 {{input shape 2x4 does not broadcast to result shape 4}}
  %0 = syna.broadcast %v like %like : tensor<2x4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @broadcast_result_type(%v: tensor<4xf32>, %like: tensor<8x4xf32>) {
  // expected-error @+1 {{failed to verify that all of {like, result} have same type}}
  %0 = "syna.broadcast"(%v, %like) : (tensor<4xf32>, tensor<8x4xf32>) -> tensor<9x4xf32>
  return
}

// -----

func.func @reduce_to_shape_incompatible(%g: tensor<8x4xf32>) {
  // expected-error @+1 {{result shape 3 does not broadcast to input shape 8x4}}
  %0 = syna.reduce_to_shape %g : tensor<8x4xf32> -> tensor<3xf32>
  return
}

// -----

func.func @reduce_to_shape_mixed(%g: tensor<8x4xf32>) {
  // expected-error @+1 {{mixes element types 'f32' and 'f64'}}
  %0 = syna.reduce_to_shape %g : tensor<8x4xf32> -> tensor<4xf64>
  return
}

// -----

func.func @transpose_not_permutation(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{permutation must contain each of 0..1 once}}
  %0 = syna.transpose %x {permutation = array<i64: 0, 0>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @transpose_rank(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{permutation of 3 entries for input 2x3 and result 3x2: all three must have the same rank}}
  %0 = syna.transpose %x {permutation = array<i64: 1, 0, 2>} : tensor<2x3xf32> -> tensor<3x2xf32>
  return
}

// -----

func.func @transpose_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result shape 2x3 should be 3x2}}
  %0 = syna.transpose %x {permutation = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @synapse_dense_grad_beta(%x: tensor<?x4xf32>, %b: tensor<4x3xf32>) {
  // expected-error @+1 {{beta must be n x n for x of 4 features, got 4x3}}
  %0:2 = syna.synapse_dense_grad %x beta %b result %x grad %x : (tensor<?x4xf32>, tensor<4x3xf32>, tensor<?x4xf32>, tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<4x3xf32>)
  return
}

// -----

func.func @synapse_dense_grad_grad_shape(%x: tensor<?x4xf32>, %b: tensor<4x4xf32>, %g: tensor<?x3xf32>) {
  // expected-error @+1 {{grad must have x's shape ?x4, got ?x3}}
  %0:2 = syna.synapse_dense_grad %x beta %b result %x grad %g : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<?x4xf32>, tensor<?x3xf32>) -> (tensor<?x4xf32>, tensor<4x4xf32>)
  return
}

// -----

func.func @synapse_dense_grad_dbeta(%x: tensor<?x4xf32>, %b: tensor<4x4xf32>) {
  // expected-error @+1 {{dbeta must have beta's type 'tensor<4x4xf32>'}}
  %0:2 = syna.synapse_dense_grad %x beta %b result %x grad %x : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>)
  return
}

// -----

func.func @synapse_dense_grad_no_dalpha(%x: tensor<?x4xf32>, %b: tensor<4x4xf32>, %a: tensor<4xf32>) {
  // expected-error @+1 {{has a dalpha result exactly when alpha is given}}
  %0:2 = syna.synapse_dense_grad %x beta %b alpha %a result %x grad %x : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<4x4xf32>)
  return
}

// -----

func.func @synapse_dense_grad_alpha_shape(%x: tensor<?x4xf32>, %b: tensor<4x4xf32>, %a: tensor<3xf32>) {
  // expected-error @+1 {{alpha must have shape 4 (one gain per unit), got 3}}
  %0:3 = syna.synapse_dense_grad %x beta %b alpha %a result %x grad %x : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<3xf32>, tensor<?x4xf32>, tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<4x4xf32>, tensor<3xf32>)
  return
}

// -----

func.func @flip_grad_state(%s: tensor<16xf32>, %t: tensor<8xf32>, %k: tensor<f32>) {
  // expected-error @+1 {{grad_y must have the state's type 'tensor<16xf32>', got 'tensor<8xf32>'}}
  %0:6 = syna.flip_circuit_grad %s, %s alpha %k, %k beta %k, %k steps 2 grad %s, %t : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<8xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
  return
}

// -----

func.func @flip_grad_param(%s: tensor<16xf32>, %k: tensor<f32>, %v: tensor<2xf32>) {
  // expected-error @+1 {{beta1 must be a scalar tensor or have the state's shape 16}}
  %0:6 = syna.flip_circuit_grad %s, %s alpha %k, %k beta %v, %k steps 2 grad %s, %s : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<2xf32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<2xf32>, tensor<f32>)
  return
}

// -----

func.func @flip_grad_adjoint_type(%s: tensor<16xf32>, %k: tensor<f32>) {
  // expected-error @+1 {{dalpha2 must have alpha2's type 'tensor<f32>'}}
  %0:6 = syna.flip_circuit_grad %s, %s alpha %k, %k beta %k, %k steps 2 grad %s, %s : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<16xf32>, tensor<f32>, tensor<f32>)
  return
}

// -----

func.func @flip_grad_trajectory(%s: tensor<16xf32>, %k: tensor<f32>, %t: tensor<3x2x16xf32>) {
  // expected-error @+1 {{grad_trajectory must have shape 4x2x16, got 3x2x16}}
  %0:6 = syna.flip_circuit_grad %s, %s alpha %k, %k beta %k, %k steps 3 grad %s, %s trajectory %t : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>, tensor<3x2x16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
  return
}

// -----

func.func @conv_input_grad_dynamic(%g: tensor<?x10x24x24xf32>, %k: tensor<10x1x5x5xf32>) {
  // expected-error @+1 {{the result needs static spatial dimensions, got ?x1x?x28}}
  %0 = syna.conv2d_input_grad %g, %k : (tensor<?x10x24x24xf32>, tensor<10x1x5x5xf32>) -> tensor<?x1x?x28xf32>
  return
}

// -----

func.func @conv_input_grad_shape(%g: tensor<?x10x23x24xf32>, %k: tensor<10x1x5x5xf32>) {
  // expected-error @+1 {{grad shape ?x10x23x24 should be the forward result shape ?x10x24x24}}
  %0 = syna.conv2d_input_grad %g, %k : (tensor<?x10x23x24xf32>, tensor<10x1x5x5xf32>) -> tensor<?x1x28x28xf32>
  return
}

// -----

func.func @conv_input_grad_channels(%g: tensor<?x10x24x24xf32>, %k: tensor<10x1x5x5xf32>) {
  // expected-error @+1 {{input has 3 channels but the weight 10x1x5x5 expects 1}}
  %0 = syna.conv2d_input_grad %g, %k : (tensor<?x10x24x24xf32>, tensor<10x1x5x5xf32>) -> tensor<?x3x28x28xf32>
  return
}

// -----

func.func @conv_weight_grad_strides(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) {
  // expected-error @+1 {{strides entries must be at least 1}}
  %0 = syna.conv2d_weight_grad %x, %g {strides = array<i64: 0, 1>} : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32>
  return
}

// -----

func.func @conv_weight_grad_kernel(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) {
  // expected-error @+1 {{the result needs static spatial dimensions, got 10x1x?x5}}
  %0 = syna.conv2d_weight_grad %x, %g : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x?x5xf32>
  return
}

// -----

func.func @conv_weight_grad_shape(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) {
  // expected-error @+1 {{grad shape ?x10x24x24 should be the forward result shape ?x10x25x25}}
  %0 = syna.conv2d_weight_grad %x, %g : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x4x4xf32>
  return
}

// -----

func.func @max_pool_grad_shape(%x: tensor<?x10x24x24xf32>, %g: tensor<?x10x11x12xf32>) {
  // expected-error @+1 {{grad shape ?x10x11x12 should be the forward result shape ?x10x12x12}}
  %0 = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x10x24x24xf32>, tensor<?x10x11x12xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @max_pool_grad_result(%x: tensor<?x10x24x24xf32>, %g: tensor<?x10x12x12xf32>) {
  // expected-error @+1 {{result must have the input's type 'tensor<?x10x24x24xf32>'}}
  %0 = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x10x24x24xf32>, tensor<?x10x12x12xf32>) -> tensor<?x10x24x23xf32>
  return
}

// -----

func.func @batch_norm_grad_scale(%x: tensor<?x64xf32>, %c: tensor<32xf32>) {
  // expected-error @+1 {{scale must have shape 64 (one per channel), got 32}}
  %0:3 = syna.batch_norm_grad %x, %c, %c, %c grad %x : tensor<?x64xf32>, tensor<32xf32>
  return
}

// -----

func.func @batch_norm_grad_epsilon(%x: tensor<?x64xf32>, %c: tensor<64xf32>) {
  // expected-error @+1 {{epsilon must be positive}}
  %0:3 = syna.batch_norm_grad %x, %c, %c, %c grad %x {epsilon = 0.0} : tensor<?x64xf32>, tensor<64xf32>
  return
}

// -----

func.func @batch_norm_grad_rank(%x: tensor<?x64x3xf32>, %c: tensor<64xf32>) {
  // expected-error @+1 {{input must have rank 2 or 4, got ?x64x3}}
  %0:3 = syna.batch_norm_grad %x, %c, %c, %c grad %x : tensor<?x64x3xf32>, tensor<64xf32>
  return
}

// -----

func.func @nll_loss_grad_batch(%x: tensor<8x10xf32>, %labels: tensor<4xi64>, %g: tensor<f32>) {
  // expected-error @+1 {{batch of 8 samples has 4 labels}}
  %0 = syna.nll_loss_grad %x, %labels grad %g : tensor<8x10xf32>, tensor<4xi64>, tensor<f32>
  return
}

// -----

func.func @nll_loss_grad_seed(%x: tensor<8x10xf32>, %labels: tensor<8xi64>, %g: tensor<8xf32>) {
  // expected-error @+1 {{grad must be a scalar tensor of 'f32', got 'tensor<8xf32>'}}
  %0 = syna.nll_loss_grad %x, %labels grad %g : tensor<8x10xf32>, tensor<8xi64>, tensor<8xf32>
  return
}
