// RUN: syna-opt %s --syna-convert-to-f64 | FileCheck %s

// Parameters (type, initial values), function types, constants, block
// arguments and op results all become f64; integers stay.
// CHECK: syna.param @beta : tensor<2x2xf64> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @beta : tensor<2x2xf32> init <uniform(-1.0, 1.0)> domain <unit>
// CHECK: syna.param @theta : tensor<2xf64> init <zeros> {syna.theta = dense<[2.500000e-01, 5.000000e-01]> : tensor<2xf64>}
syna.param @theta : tensor<2xf32> init <zeros> {syna.theta = dense<[0.25, 0.5]> : tensor<2xf32>}

// CHECK-LABEL: func.func @g(%{{.*}}: tensor<?x2xf64>, %{{.*}}: tensor<?xi32>) -> (tensor<?x2xf64>, tensor<f64>)
func.func @g(%x: tensor<?x2xf32>, %l: tensor<?xi32>) -> (tensor<?x2xf32>, tensor<f32>) {
  // CHECK: syna.param_ref @beta : tensor<2x2xf64>
  %b = syna.param_ref @beta : tensor<2x2xf32>
  // CHECK: syna.synapse_dense {{.*}} : (tensor<?x2xf64>, tensor<2x2xf64>) -> tensor<?x2xf64>
  %y = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  // CHECK: arith.constant dense<5.000000e-01> : tensor<f64>
  %h = arith.constant dense<0.5> : tensor<f32>
  %s = syna.synapse %y, %y beta %h : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<f32>) -> tensor<?x2xf32>
  // CHECK: syna.nll_loss {{.*}} : tensor<?x2xf64>, tensor<?xi32> -> tensor<f64>
  %loss = syna.nll_loss %s, %l : tensor<?x2xf32>, tensor<?xi32> -> tensor<f32>
  return %s, %loss : tensor<?x2xf32>, tensor<f32>
}
