// RUN: syna-opt %s --split-input-file --verify-diagnostics | FileCheck %s
// RUN: syna-opt %s --split-input-file --verify-diagnostics | syna-opt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @roundtrip
// CHECK: syna.surprisal_synapse %{{.*}}, %{{.*}} beta %{{.*}} alpha %{{.*}} : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
// CHECK: syna.surprisal_synapse %{{.*}}, %{{.*}} beta %{{.*}} : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
// CHECK: syna.surprisal_synapse_dense %{{.*}} beta %{{.*}} alpha %{{.*}} : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
func.func @roundtrip(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>, %a: tensor<f32>,
                     %xd: tensor<?x4xf32>, %bd: tensor<4x4xf32>, %ad: tensor<4xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>, tensor<?x4xf32>) {
  %0 = syna.surprisal_synapse %x, %y beta %b alpha %a : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %1 = syna.surprisal_synapse %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %2 = syna.surprisal_synapse_dense %xd beta %bd alpha %ad : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %0, %1, %2 : tensor<8x4xf32>, tensor<8x4xf32>, tensor<?x4xf32>
}

// -----

func.func @negative_beta_surprisal(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %b = arith.constant dense<-0.5> : tensor<4x4xf32>
  // expected-error @below {{'syna.surprisal_synapse_dense' op beta must lie in [0, inf), but it is -0.5}}
  %y = syna.surprisal_synapse_dense %x beta %b : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @not_square(%x: tensor<2x4xf32>, %b: tensor<4x3xf32>) -> tensor<2x4xf32> {
  // expected-error @below {{beta must be square}}
  // expected-error @below {{'syna.surprisal_synapse_dense' op failed to infer returned types}}
  %y = syna.surprisal_synapse_dense %x beta %b : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @bad_alpha(%x: tensor<2x4xf32>, %b: tensor<4x4xf32>, %a: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error @below {{'syna.surprisal_synapse_dense' op alpha must be a vector of 4 (one gain per unit), got tensor<3xf32>}}
  // expected-error @below {{'syna.surprisal_synapse_dense' op failed to infer returned types}}
  %y = syna.surprisal_synapse_dense %x beta %b alpha %a : (tensor<2x4xf32>, tensor<4x4xf32>, tensor<3xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @no_broadcast(%x: tensor<8x4xf32>, %y: tensor<8x3xf32>, %b: tensor<4xf32>) -> tensor<8x4xf32> {
  // expected-error @below {{'syna.surprisal_synapse' op shapes do not broadcast (x tensor<8x4xf32>, y tensor<8x3xf32>, beta tensor<4xf32>): dimension 4 vs 3}}
  // expected-error @below {{'syna.surprisal_synapse' op failed to infer returned types}}
  %r = syna.surprisal_synapse %x, %y beta %b : (tensor<8x4xf32>, tensor<8x3xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}

// -----

func.func @mixed_types(%x: tensor<8x4xf32>, %y: tensor<8x4xf64>, %b: tensor<4xf32>) -> tensor<8x4xf32> {
  // expected-error @below {{'syna.surprisal_synapse' op failed to infer returned types}}
  // expected-error @below {{'syna.surprisal_synapse' op operands mix element types f32 and f64}}
  %r = syna.surprisal_synapse %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf64>, tensor<4xf32>) -> tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}

// -----

// swap_ratio and log_swap_ratio broadcast as documented.
// CHECK-LABEL: func.func @swap_broadcast
func.func @swap_broadcast(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
  %0 = syna.swap_ratio %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %1 = syna.log_swap_ratio %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %0, %1 : tensor<8x4xf32>, tensor<8x4xf32>
}
