// Folders of the shape and gradient ops. Expected constants are worked out
// by hand in the comments.
// RUN: syna-opt %s --canonicalize --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[M:.*]]: tensor<2x3xf32>)
func.func @identities(%x: tensor<?x4xf32>, %m: tensor<2x3xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = syna.broadcast %x like %x : tensor<?x4xf32> -> tensor<?x4xf32>
  %1 = syna.reduce_to_shape %x : tensor<?x4xf32> -> tensor<?x4xf32>
  %2 = syna.transpose %m {permutation = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  // Two transposes by [1, 0] compose to the identity.
  %t = syna.transpose %m {permutation = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  %3 = syna.transpose %t {permutation = array<i64: 1, 0>} : tensor<3x2xf32> -> tensor<2x3xf32>
  // CHECK-NOT: syna.
  // CHECK: return %[[X]], %[[X]], %[[M]], %[[M]]
  return %0, %1, %2, %3 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @compose_transposes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x5xf32>)
func.func @compose_transposes(%x: tensor<2x3x5xf32>) -> tensor<3x5x2xf32> {
  // result dim m of the outer transpose is x's dim p[q[m]]: [1, 2, 0]
  // CHECK: %[[T:.*]] = syna.transpose %[[X]] {permutation = array<i64: 1, 2, 0>} : tensor<2x3x5xf32> -> tensor<3x5x2xf32>
  // CHECK-NEXT: return %[[T]]
  %0 = syna.transpose %x {permutation = array<i64: 2, 0, 1>} : tensor<2x3x5xf32> -> tensor<5x2x3xf32>
  %1 = syna.transpose %0 {permutation = array<i64: 2, 1, 0>} : tensor<5x2x3xf32> -> tensor<3x2x5xf32>
  %2 = syna.transpose %1 {permutation = array<i64: 0, 2, 1>} : tensor<3x2x5xf32> -> tensor<3x5x2xf32>
  return %2 : tensor<3x5x2xf32>
}

// -----

// CHECK-LABEL: func.func @splats
func.func @splats(%like: tensor<8x4xf32>) -> (tensor<8x4xf32>, tensor<4xf32>, tensor<8x1x1xf64>, tensor<3x2xf32>) {
  %v = arith.constant dense<1.5> : tensor<4xf32>
  %g = arith.constant dense<1.5> : tensor<8x4xf32>
  %h = arith.constant dense<0.25> : tensor<2x8x5x5xf64>
  %m = arith.constant dense<2.0> : tensor<2x3xf32>
  // CHECK-DAG: %[[B:.*]] = arith.constant dense<1.500000e+00> : tensor<8x4xf32>
  %0 = syna.broadcast %v like %like : tensor<4xf32> -> tensor<8x4xf32>
  // 8 rows of 1.5
  // CHECK-DAG: %[[R:.*]] = arith.constant dense<1.200000e+01> : tensor<4xf32>
  %1 = syna.reduce_to_shape %g : tensor<8x4xf32> -> tensor<4xf32>
  // 2·5·5 = 50 elements of 0.25 per channel
  // CHECK-DAG: %[[C:.*]] = arith.constant dense<1.250000e+01> : tensor<8x1x1xf64>
  %2 = syna.reduce_to_shape %h : tensor<2x8x5x5xf64> -> tensor<8x1x1xf64>
  // CHECK-DAG: %[[T:.*]] = arith.constant dense<2.000000e+00> : tensor<3x2xf32>
  %3 = syna.transpose %m {permutation = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  // CHECK-NOT: syna.
  // CHECK: return %[[B]], %[[R]], %[[C]], %[[T]]
  return %0, %1, %2, %3 : tensor<8x4xf32>, tensor<4xf32>, tensor<8x1x1xf64>, tensor<3x2xf32>
}

// -----

// Dynamic shapes do not fold: the number of summed elements is unknown.
// CHECK-LABEL: func.func @no_fold_dynamic
func.func @no_fold_dynamic(%like: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<4xf32>) {
  %v = arith.constant dense<1.5> : tensor<4xf32>
  // CHECK: syna.broadcast
  %0 = syna.broadcast %v like %like : tensor<4xf32> -> tensor<?x4xf32>
  // CHECK: syna.reduce_to_shape
  %1 = syna.reduce_to_shape %0 : tensor<?x4xf32> -> tensor<4xf32>
  return %0, %1 : tensor<?x4xf32>, tensor<4xf32>
}

// -----

// synapse_dense_grad with splat operands, B = 2, n = 4, x = 0.5, β = 0.5,
// α = 2, y = 0.25, g = 2: h = g·y = 0.5, r = 1/(1 − βx) = 4/3.
//   dx = h/x − n·h·β·r = 1 − 4·0.5·0.5·4/3 = −1/3
//   dβ = −B·h·x·r = −2·0.5·0.5·4/3 = −2/3
//   dα = B·h/α = 0.5
// CHECK-LABEL: func.func @synapse_dense_grad_splat
func.func @synapse_dense_grad_splat() -> (tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>) {
  %x = arith.constant dense<0.5> : tensor<2x4xf64>
  %b = arith.constant dense<0.5> : tensor<4x4xf64>
  %a = arith.constant dense<2.0> : tensor<4xf64>
  %y = arith.constant dense<0.25> : tensor<2x4xf64>
  %g = arith.constant dense<2.0> : tensor<2x4xf64>
  // CHECK-DAG: %[[DX:.*]] = arith.constant dense<-0.33333333{{[0-9]*}}> : tensor<2x4xf64>
  // CHECK-DAG: %[[DB:.*]] = arith.constant dense<-0.66666666{{[0-9]*}}> : tensor<4x4xf64>
  // CHECK-DAG: %[[DA:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf64>
  // CHECK-NOT: syna.
  // CHECK: return %[[DX]], %[[DB]], %[[DA]]
  %0:3 = syna.synapse_dense_grad %x beta %b alpha %a result %y grad %g : (tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>, tensor<2x4xf64>, tensor<2x4xf64>) -> (tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>)
  return %0#0, %0#1, %0#2 : tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>
}
