// One case per verifier error of the syna dialect.
// RUN: syna-opt %s --split-input-file --verify-diagnostics

func.func @surprisal_int(%p: tensor<4xi32>) {
  // expected-error @below {{'syna.surprisal' op operand #0 must be ranked tensor of f32 or f64 values in [0, 1], but got 'tensor<4xi32>'}}
  %0 = syna.surprisal %p : tensor<4xi32>
  return
}

// -----

func.func @synapse_mixed_types(%x: tensor<4xf32>, %y: tensor<4xf64>, %b: tensor<4xf32>) {
  // expected-error @below {{'syna.synapse' op failed to infer returned types}}
  // expected-error @below {{'syna.synapse' op operands mix element types f32 and f64}}
  %0 = syna.synapse %x, %y beta %b : (tensor<4xf32>, tensor<4xf64>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @synapse_no_broadcast(%x: tensor<8x4xf32>, %y: tensor<8x3xf32>, %b: tensor<f32>) {
  // expected-error @below {{'syna.synapse' op shapes do not broadcast (x tensor<8x4xf32>, y tensor<8x3xf32>, beta tensor<f32>): dimension 4 vs 3}}
  // expected-error @below {{'syna.synapse' op failed to infer returned types}}
  %0 = syna.synapse %x, %y beta %b : (tensor<8x4xf32>, tensor<8x3xf32>, tensor<f32>) -> tensor<8x4xf32>
  return
}

// -----

func.func @synapse_result_shape(%x: tensor<8x4xf32>, %b: tensor<4xf32>) {
  // expected-error @below {{'syna.synapse' op inferred type(s) 'tensor<8x4xf32>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @below {{'syna.synapse' op failed to infer returned types}}
  %0 = syna.synapse %x, %x beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @synapse_beta_out_of_range(%x: tensor<4xf32>) {
  %b = arith.constant dense<1.5> : tensor<f32>
  // expected-error @+1 {{beta must lie in [0, 1], but it is 1.5}}
  %0 = syna.synapse %x, %x beta %b : (tensor<4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @synapse_beta_element_out_of_range(%x: tensor<3xf32>) {
  %b = arith.constant dense<[0.5, 0.25, -0.125]> : tensor<3xf32>
  // expected-error @+1 {{beta must lie in [0, 1], but element 2 is -0.125}}
  %0 = syna.synapse %x, %x beta %b : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @synapse_alpha_not_positive(%x: tensor<4xf32>, %b: tensor<f32>) {
  %a = arith.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{alpha must lie in (0, inf), but it is 0}}
  %0 = syna.synapse %x, %x beta %b alpha %a : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @dense_synapse_rank(%x: tensor<4xf32>, %b: tensor<4x4xf32>) {
  // expected-error @below {{'syna.synapse_dense' op x must have rank 2, got tensor<4xf32>}}
  // expected-error @below {{'syna.synapse_dense' op failed to infer returned types}}
  %0 = syna.synapse_dense %x beta %b : (tensor<4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @dense_synapse_beta_rank(%x: tensor<?x4xf32>, %b: tensor<4xf32>) {
  // expected-error @below {{'syna.synapse_dense' op beta must have rank 2, got tensor<4xf32>}}
  // expected-error @below {{'syna.synapse_dense' op failed to infer returned types}}
  %0 = syna.synapse_dense %x beta %b : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @dense_synapse_not_square(%x: tensor<?x4xf32>, %b: tensor<4x3xf32>) {
  // expected-error @below {{'syna.synapse_dense' op beta must be square (n x n): the synapse tensor has as many outputs as inputs, got tensor<4x3xf32>}}
  // expected-error @below {{'syna.synapse_dense' op failed to infer returned types}}
  %0 = syna.synapse_dense %x beta %b : (tensor<?x4xf32>, tensor<4x3xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @dense_synapse_features(%x: tensor<?x5xf32>, %b: tensor<4x4xf32>) {
  // expected-error @below {{'syna.synapse_dense' op x tensor<?x5xf32> has 5 features but beta tensor<4x4xf32> has 4}}
  // expected-error @below {{'syna.synapse_dense' op failed to infer returned types}}
  %0 = syna.synapse_dense %x beta %b : (tensor<?x5xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @dense_synapse_alpha(%x: tensor<?x4xf32>, %b: tensor<4x4xf32>, %a: tensor<3xf32>) {
  // expected-error @below {{'syna.synapse_dense' op alpha must be a vector of 4 (one gain per unit), got tensor<3xf32>}}
  // expected-error @below {{'syna.synapse_dense' op failed to infer returned types}}
  %0 = syna.synapse_dense %x beta %b alpha %a : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<3xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @dense_synapse_result(%x: tensor<2x4xf32>, %b: tensor<4x4xf32>) {
  // expected-error @below {{'syna.synapse_dense' op inferred type(s) 'tensor<2x4xf32>' are incompatible with return type(s) of operation 'tensor<3x4xf32>'}}
  // expected-error @below {{'syna.synapse_dense' op failed to infer returned types}}
  %0 = syna.synapse_dense %x beta %b : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @dense_synapse_beta_constant(%x: tensor<?x2xf32>) {
  %b = arith.constant dense<[[0.5, 0.5], [2.0, 0.5]]> : tensor<2x2xf32>
  // expected-error @+1 {{beta must lie in [0, 1], but element 2 is 2}}
  %0 = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @dense_synapse_alpha_constant(%x: tensor<?x2xf32>, %b: tensor<2x2xf32>) {
  %a = arith.constant dense<-1.0> : tensor<2xf32>
  // expected-error @+1 {{alpha must lie in (0, inf), but it is -1}}
  %0 = syna.synapse_dense %x beta %b alpha %a : (tensor<?x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @flip_state_types(%x: tensor<4xf32>, %y: tensor<5xf32>, %s: tensor<f32>) {
  // expected-error @below {{'syna.flip_circuit' op x0 and y0 must have the same type, got tensor<4xf32> and tensor<5xf32>}}
  %0:2 = syna.flip_circuit %x, %y alpha %s, %s beta %s, %s steps 1 : (tensor<4xf32>, tensor<5xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @flip_param_shape(%x: tensor<4xf32>, %s: tensor<f32>, %v: tensor<3xf32>) {
  // expected-error @below {{'syna.flip_circuit' op beta2 must be a scalar or have the state's type tensor<4xf32>, got tensor<3xf32>}}
  %0:2 = syna.flip_circuit %x, %x alpha %s, %s beta %s, %v steps 1 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<3xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @flip_result_type(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @below {{'syna.flip_circuit' op result 1 has type 'tensor<?xf32>', but its operands give tensor<4xf32>}}
  %0:2 = syna.flip_circuit %x, %x alpha %s, %s beta %s, %s steps 1 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<?xf32>)
  return
}

// -----

func.func @flip_trajectory_shape(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @below {{'syna.flip_circuit' op result 2 has type 'tensor<3x2x4xf32>', but its operands give tensor<4x2x4xf32>}}
  %0:3 = syna.flip_circuit %x, %x alpha %s, %s beta %s, %s steps 3 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<3x2x4xf32>)
  return
}

// -----

func.func @flip_trajectory_too_long(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @below {{'syna.flip_circuit' op a trajectory of 4611686018427387904 steps has too many states}}
  %0:3 = syna.flip_circuit %x, %x alpha %s, %s beta %s, %s steps 4611686018427387904 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<?x2x4xf32>)
  return
}

// -----

func.func @flip_negative_steps(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @below {{'syna.flip_circuit' op steps must not be negative, got -1}}
  %0:2 = syna.flip_circuit %x, %x alpha %s, %s beta %s, %s steps -1 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @flip_beta_constant(%x: tensor<4xf32>, %s: tensor<f32>) {
  %b = arith.constant dense<1.25> : tensor<f32>
  // expected-error @below {{'syna.flip_circuit' op beta1 must lie in [0, 1], but it is 1.25}}
  %0:2 = syna.flip_circuit %x, %x alpha %s, %s beta %b, %s steps 1 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @flip_alpha_constant(%x: tensor<4xf32>, %s: tensor<f32>) {
  %a = arith.constant dense<-3.0> : tensor<f32>
  // expected-error @below {{'syna.flip_circuit' op alpha2 must lie in (0, inf), but it is -3}}
  %0:2 = syna.flip_circuit %x, %x alpha %s, %a beta %s, %s steps 1 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @swap_beta(%x: tensor<4xf32>) {
  %b = arith.constant dense<-0.5> : tensor<f32>
  // expected-error @+1 {{beta must lie in [0, 1], but it is -0.5}}
  %0 = syna.swap_ratio %x, %x beta %b : (tensor<4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @swap_broadcast(%x: tensor<4xf32>, %y: tensor<5xf32>, %b: tensor<f32>) {
  // expected-error @below {{'syna.swap_ratio' op shapes do not broadcast (x tensor<4xf32>, y tensor<5xf32>, beta tensor<f32>): dimension 4 vs 5}}
  // expected-error @below {{'syna.swap_ratio' op failed to infer returned types}}
  %0 = syna.swap_ratio %x, %y beta %b : (tensor<4xf32>, tensor<5xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @log_swap_beta(%x: tensor<4xf32>) {
  %b = arith.constant dense<-0.5> : tensor<f32>
  // expected-error @below {{'syna.log_swap_ratio' op beta must lie in [0, inf), but it is -0.5}}
  %0 = syna.log_swap_ratio %x, %x beta %b : (tensor<4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @dense_input_rank(%x: tensor<4xf32>, %w: tensor<2x4xf32>) {
  // expected-error @below {{'syna.dense' op input must have rank 2, got tensor<4xf32>}}
  // expected-error @below {{'syna.dense' op failed to infer returned types}}
  %0 = syna.dense %x, %w : (tensor<4xf32>, tensor<2x4xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @dense_weight_rank(%x: tensor<?x4xf32>, %w: tensor<4xf32>) {
  // expected-error @below {{'syna.dense' op weight must have rank 2, got tensor<4xf32>}}
  // expected-error @below {{'syna.dense' op failed to infer returned types}}
  %0 = syna.dense %x, %w : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @dense_features(%x: tensor<?x4xf32>, %w: tensor<2x5xf32>) {
  // expected-error @below {{'syna.dense' op input tensor<?x4xf32> has 4 features but the weight tensor<2x5xf32> (out x in) expects 5}}
  // expected-error @below {{'syna.dense' op failed to infer returned types}}
  %0 = syna.dense %x, %w : (tensor<?x4xf32>, tensor<2x5xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @dense_bias(%x: tensor<?x4xf32>, %w: tensor<2x4xf32>, %b: tensor<4xf32>) {
  // expected-error @below {{'syna.dense' op bias must be a vector of 2 (one per output), got tensor<4xf32>}}
  // expected-error @below {{'syna.dense' op failed to infer returned types}}
  %0 = syna.dense %x, %w bias %b : (tensor<?x4xf32>, tensor<2x4xf32>, tensor<4xf32>) -> tensor<?x2xf32>
  return
}

// -----

func.func @dense_result(%x: tensor<?x4xf32>, %w: tensor<2x4xf32>) {
  // expected-error @below {{'syna.dense' op inferred type(s) 'tensor<?x2xf32>' are incompatible with return type(s) of operation 'tensor<?x4xf32>'}}
  // expected-error @below {{'syna.dense' op failed to infer returned types}}
  %0 = syna.dense %x, %w : (tensor<?x4xf32>, tensor<2x4xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @conv_rank(%x: tensor<?x28x28xf32>, %w: tensor<10x1x5x5xf32>) {
  // expected-error @below {{'syna.conv2d' op input (NCHW) must have rank 4, got tensor<?x28x28xf32>}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w : (tensor<?x28x28xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @conv_weight_rank(%x: tensor<?x1x28x28xf32>, %w: tensor<10x5x5xf32>) {
  // expected-error @below {{'syna.conv2d' op weight (OCHW) must have rank 4, got tensor<10x5x5xf32>}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w : (tensor<?x1x28x28xf32>, tensor<10x5x5xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @conv_channels(%x: tensor<?x3x28x28xf32>, %w: tensor<10x1x5x5xf32>) {
  // expected-error @below {{'syna.conv2d' op input tensor<?x3x28x28xf32> has 3 channels but the weight tensor<10x1x5x5xf32> (out x in x kh x kw) expects 1}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w : (tensor<?x3x28x28xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @conv_strides(%x: tensor<?x1x28x28xf32>, %w: tensor<10x1x5x5xf32>) {
  // expected-error @below {{'syna.conv2d' op strides entries must lie in [1, 2147483647], got 0}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w {strides = array<i64: 0, 1>} : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @conv_padding(%x: tensor<?x1x28x28xf32>, %w: tensor<10x1x5x5xf32>) {
  // expected-error @below {{padding must have 2 entries (h, w), got 1}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w {padding = array<i64: 1>} : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @conv_bias(%x: tensor<?x1x28x28xf32>, %w: tensor<10x1x5x5xf32>, %b: tensor<5xf32>) {
  // expected-error @below {{'syna.conv2d' op bias must be a vector of 10 (one per output channel), got tensor<5xf32>}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w bias %b : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>, tensor<5xf32>) -> tensor<?x10x24x24xf32>
  return
}

// -----

func.func @conv_window(%x: tensor<?x1x4x4xf32>, %w: tensor<10x1x5x5xf32>) {
  // expected-error @below {{'syna.conv2d' op the 5x5 window is larger than the input tensor<?x1x4x4xf32>}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w : (tensor<?x1x4x4xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x1x1xf32>
  return
}

// -----

func.func @conv_result(%x: tensor<?x1x28x28xf32>, %w: tensor<10x1x5x5xf32>) {
  // expected-error @below {{'syna.conv2d' op inferred type(s) 'tensor<?x10x24x24xf32>' are incompatible with return type(s) of operation 'tensor<?x10x28x28xf32>'}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %w : (tensor<?x1x28x28xf32>, tensor<10x1x5x5xf32>) -> tensor<?x10x28x28xf32>
  return
}

// -----

func.func @pool_kernel(%x: tensor<?x1x28x28xf32>) {
  // expected-error @below {{kernel must have 2 entries (h, w), got 3}}
  // expected-error @below {{'syna.max_pool2d' op failed to infer returned types}}
  %0 = syna.max_pool2d %x {kernel = array<i64: 2, 2, 2>} : tensor<?x1x28x28xf32> -> tensor<?x1x14x14xf32>
  return
}

// -----

func.func @pool_strides(%x: tensor<?x1x28x28xf32>) {
  // expected-error @below {{'syna.max_pool2d' op strides entries must lie in [1, 2147483647], got -1}}
  // expected-error @below {{'syna.max_pool2d' op failed to infer returned types}}
  %0 = syna.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, -1>} : tensor<?x1x28x28xf32> -> tensor<?x1x14x14xf32>
  return
}

// -----

func.func @pool_window(%x: tensor<?x1x2x2xf32>) {
  // expected-error @below {{'syna.max_pool2d' op the 3x3 window is larger than the input tensor<?x1x2x2xf32>}}
  // expected-error @below {{'syna.max_pool2d' op failed to infer returned types}}
  %0 = syna.max_pool2d %x {kernel = array<i64: 3, 3>} : tensor<?x1x2x2xf32> -> tensor<?x1x1x1xf32>
  return
}

// -----

func.func @pool_result(%x: tensor<?x1x28x28xf32>) {
  // expected-error @below {{'syna.max_pool2d' op inferred type(s) 'tensor<?x1x14x14xf32>' are incompatible with return type(s) of operation 'tensor<?x1x28x28xf32>'}}
  // expected-error @below {{'syna.max_pool2d' op failed to infer returned types}}
  %0 = syna.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x1x28x28xf32> -> tensor<?x1x28x28xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<?x10xf32>) {
  // expected-error @below {{'syna.softmax' op axis 2 is out of range for tensor<?x10xf32> (rank 2)}}
  // expected-error @below {{'syna.softmax' op failed to infer returned types}}
  %0 = syna.softmax %x {axis = 2} : tensor<?x10xf32>
  return
}

// -----

func.func @log_softmax_axis(%x: tensor<?x10xf32>) {
  // expected-error @below {{'syna.log_softmax' op axis -3 is out of range for tensor<?x10xf32> (rank 2)}}
  // expected-error @below {{'syna.log_softmax' op failed to infer returned types}}
  %0 = syna.log_softmax %x {axis = -3} : tensor<?x10xf32>
  return
}

// -----

func.func @batch_norm_rank(%x: tensor<?x4x4xf32>, %c: tensor<4xf32>) {
  // expected-error @below {{'syna.batch_norm' op input must have rank 2 or 4, got tensor<?x4x4xf32>}}
  %0:3 = syna.batch_norm %x, %c, %c, %c, %c : tensor<?x4x4xf32>, tensor<4xf32>
  return
}

// -----

func.func @batch_norm_channels(%x: tensor<?x8xf32>, %c: tensor<4xf32>) {
  // expected-error @below {{'syna.batch_norm' op scale must be a vector of 8 (one per channel), got tensor<4xf32>}}
  %0:3 = syna.batch_norm %x, %c, %c, %c, %c : tensor<?x8xf32>, tensor<4xf32>
  return
}

// -----

func.func @batch_norm_types(%x: tensor<?x4xf32>, %c: tensor<4xf32>, %d: tensor<5xf32>) {
  // expected-error @below {{'syna.batch_norm' op failed to verify that all of {scale, shift, running_mean, running_var} have same type}}
  %0:3 = "syna.batch_norm"(%x, %c, %c, %d, %c) : (tensor<?x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<5xf32>, tensor<4xf32>) -> (tensor<?x4xf32>, tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @batch_norm_epsilon(%x: tensor<?x4xf32>, %c: tensor<4xf32>) {
  // expected-error @below {{epsilon must be positive}}
  // expected-error @below {{'syna.batch_norm' op failed to infer returned types}}
  %0:3 = syna.batch_norm %x, %c, %c, %c, %c {epsilon = 0.0} : tensor<?x4xf32>, tensor<4xf32>
  return
}

// -----

func.func @batch_norm_momentum(%x: tensor<?x4xf32>, %c: tensor<4xf32>) {
  // expected-error @below {{momentum must lie in [0, 1], got 1.5}}
  // expected-error @below {{'syna.batch_norm' op failed to infer returned types}}
  %0:3 = syna.batch_norm %x, %c, %c, %c, %c {momentum = 1.5} : tensor<?x4xf32>, tensor<4xf32>
  return
}

// -----

func.func @batch_norm_negative_variance(%x: tensor<?x2xf32>, %c: tensor<2xf32>) {
  %v = arith.constant dense<[1.0, -1.0]> : tensor<2xf32>
  // expected-error @+1 {{running_var must lie in [0, inf), but element 1 is -1}}
  %0:3 = syna.batch_norm %x, %c, %c, %c, %v : tensor<?x2xf32>, tensor<2xf32>
  return
}

// -----

func.func @dropout_rate(%x: tensor<4xf32>, %k: i64) {
  // expected-error @below {{rate must lie in [0, 1), got 1}}
  // expected-error @below {{'syna.dropout' op failed to infer returned types}}
  %0 = syna.dropout %x, %k {rate = 1.0, training} : tensor<4xf32>
  return
}

// -----

func.func @dropout_negative_rate(%x: tensor<4xf32>, %k: i64) {
  // expected-error @below {{rate must lie in [0, 1), got -0.5}}
  // expected-error @below {{'syna.dropout' op failed to infer returned types}}
  %0 = syna.dropout %x, %k {rate = -0.5} : tensor<4xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<4x5xf32>) {
  // expected-error @below {{'syna.reshape' op cannot reshape tensor<4x5xf32> (20 elements) to tensor<3x7xf32> (21 elements)}}
  %0 = syna.reshape %x : tensor<4x5xf32> -> tensor<3x7xf32>
  return
}

// -----

func.func @reshape_dynamic(%x: tensor<?x?xf32>) {
  // expected-error @below {{'syna.reshape' op input and target may each have one dynamic dimension, and as many: tensor<?x?xf32> has 2, the target tensor<?xf32> has 1}}
  %0 = syna.reshape %x : tensor<?x?xf32> -> tensor<?xf32>
  return
}

// -----

func.func @flatten_rank(%x: tensor<4xf32>) {
  // expected-error @below {{'syna.flatten' op input must have rank 2, 3, 4 or 5, got tensor<4xf32>}}
  // expected-error @below {{'syna.flatten' op failed to infer returned types}}
  %0 = syna.flatten %x : tensor<4xf32> -> tensor<4x1xf32>
  return
}

// -----

func.func @flatten_result(%x: tensor<?x20x4x4xf32>) {
  // expected-error @below {{'syna.flatten' op inferred type(s) 'tensor<?x320xf32>' are incompatible with return type(s) of operation 'tensor<?x300xf32>'}}
  // expected-error @below {{'syna.flatten' op failed to infer returned types}}
  %0 = syna.flatten %x : tensor<?x20x4x4xf32> -> tensor<?x300xf32>
  return
}

// -----

func.func @nll_rank(%x: tensor<10xf32>, %l: tensor<?xi64>) {
  // expected-error @below {{'syna.nll_loss' op input must have rank 2, got tensor<10xf32>}}
  // expected-error @below {{'syna.nll_loss' op failed to infer returned types}}
  %0 = syna.nll_loss %x, %l : tensor<10xf32>, tensor<?xi64> -> tensor<f32>
  return
}

// -----

func.func @nll_labels_rank(%x: tensor<?x10xf32>, %l: tensor<?x1xi64>) {
  // expected-error @below {{'syna.nll_loss' op labels must have rank 1, got tensor<?x1xi64>}}
  // expected-error @below {{'syna.nll_loss' op failed to infer returned types}}
  %0 = syna.nll_loss %x, %l : tensor<?x10xf32>, tensor<?x1xi64> -> tensor<f32>
  return
}

// -----

func.func @nll_batch(%x: tensor<8x10xf32>, %l: tensor<7xi64>) {
  // expected-error @below {{'syna.nll_loss' op the batch of 8 samples (tensor<8x10xf32>) has 7 labels (tensor<7xi64>)}}
  // expected-error @below {{'syna.nll_loss' op failed to infer returned types}}
  %0 = syna.nll_loss %x, %l : tensor<8x10xf32>, tensor<7xi64> -> tensor<f32>
  return
}

// -----

func.func @cross_entropy_scalar(%x: tensor<?x10xf32>, %l: tensor<?xi32>) {
  // expected-error @below {{'syna.cross_entropy' op inferred type(s) 'tensor<f32>' are incompatible with return type(s) of operation 'tensor<1xf32>'}}
  // expected-error @below {{'syna.cross_entropy' op failed to infer returned types}}
  %0 = syna.cross_entropy %x, %l : tensor<?x10xf32>, tensor<?xi32> -> tensor<1xf32>
  return
}

// -----

// expected-error @+1 {{parameter shape must be static, got ?x4}}
syna.param @dynamic : tensor<?x4xf32> init <zeros>

// -----

// expected-error @+1 {{initializer 'kaiming_uniform' needs a parameter of rank 2 or more to define fan-in, got 4}}
syna.param @bias : tensor<4xf32> init <kaiming_uniform>

// -----

// expected-error @+1 {{initializer 'uniform' takes 2 arguments, got 1}}
syna.param @p : tensor<4xf32> init <uniform(1.0)>

// -----

// expected-error @+1 {{uniform initializer needs low < high, got (1, -1)}}
syna.param @p : tensor<4xf32> init <uniform(1.0, -1.0)>

// -----

// expected-error @+1 {{normal initializer needs a positive standard deviation, got 0}}
syna.param @p : tensor<4xf32> init <normal(0.0, 0.0)>

// -----

// expected-error @+1 {{initializer 'zeros' takes 0 arguments, got 1}}
syna.param @p : tensor<4xf32> init <zeros(1.0)>

// -----

// expected-error @+1 {{unknown initializer 'gaussian'}}
syna.param @p : tensor<4xf32> init <gaussian>

// -----

func.func @param_ref_missing() {
  // expected-error @+1 {{'nowhere' does not name a syna.param}}
  %0 = syna.param_ref @nowhere : tensor<4xf32>
  return
}

// -----

syna.param @p : tensor<4xf32> init <zeros>
func.func @param_ref_type() {
  // expected-error @+1 {{type 'tensor<5xf32>' differs from the parameter's type 'tensor<4xf32>'}}
  %0 = syna.param_ref @p : tensor<5xf32>
  return
}

// -----

// Training mode draws a new mask from the key each step.
func.func @dropout_training_without_key(%x: tensor<4xf32>) {
  // expected-error @below {{'syna.dropout' op training mode needs a key, or every step drops the same elements}}
  // expected-error @below {{'syna.dropout' op failed to infer returned types}}
  %0 = syna.dropout %x {rate = 0.5, training} : tensor<4xf32>
  return
}

// -----

// Every operand with a value domain (its ODS type constraint) is checked
// when it is a constant: probabilities, ...
func.func @synapse_x_constant(%y: tensor<4xf32>, %b: tensor<f32>) {
  %x = arith.constant dense<[0.5, 1.5, 0.25, 0.0]> : tensor<4xf32>
  // expected-error @below {{'syna.synapse' op x must lie in [0, 1], but element 1 is 1.5}}
  %0 = syna.synapse %x, %y beta %b : (tensor<4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

// ... probabilities below one, ...
func.func @odds_one() {
  %p = arith.constant dense<1.0> : tensor<f32>
  // expected-error @below {{'syna.odds' op input must lie in [0, 1), but it is 1}}
  %0 = syna.odds %p : tensor<f32>
  return
}

// -----

// ... and class indices, which must be below the class count.
func.func @nll_label_constant(%x: tensor<2x3xf32>) {
  %l = arith.constant dense<[0, 3]> : tensor<2xi64>
  // expected-error @below {{'syna.nll_loss' op labels must be an integer in [0, 3), but element 1 is 3}}
  %0 = syna.nll_loss %x, %l : tensor<2x3xf32>, tensor<2xi64> -> tensor<f32>
  return
}

// -----

// Window ops need the extents their lowering computes with: a static height
// and width of the input, and a static weight. Only the batch and the
// channels (of a pooling) may be dynamic.
func.func @conv_dynamic_height(%x: tensor<?x1x?x28xf32>, %k: tensor<2x1x3x3xf32>) {
  // expected-error @below {{'syna.conv2d' op the height and width of the input tensor<?x1x?x28xf32> must be static: only the batch and channels may vary}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %k : (tensor<?x1x?x28xf32>, tensor<2x1x3x3xf32>) -> tensor<?x2x?x26xf32>
  return
}

// -----

func.func @conv_dynamic_weight(%x: tensor<?x1x28x28xf32>, %k: tensor<?x1x3x3xf32>) {
  // expected-error @below {{'syna.conv2d' op the output channels, height and width of the weight tensor<?x1x3x3xf32> must be static}}
  // expected-error @below {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %x, %k : (tensor<?x1x28x28xf32>, tensor<?x1x3x3xf32>) -> tensor<?x?x26x26xf32>
  return
}

// -----

func.func @pool_dynamic_width(%x: tensor<?x?x28x?xf32>) {
  // expected-error @below {{'syna.max_pool2d' op the height and width of the input tensor<?x?x28x?xf32> must be static: only the batch and channels may vary}}
  // expected-error @below {{'syna.max_pool2d' op failed to infer returned types}}
  %0 = syna.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x?x28x?xf32> -> tensor<?x?x14x?xf32>
  return
}
