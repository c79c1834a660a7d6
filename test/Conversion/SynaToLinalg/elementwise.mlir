// RUN: syna-opt %s --convert-syna-to-linalg --mlir-print-local-scope --split-input-file | FileCheck %s

// G(u) in its two stable branches, selected at ln 2.
// CHECK-LABEL: func.func @conjugate
// CHECK: linalg.generic
// CHECK: %[[E:.*]] = math.expm1
// CHECK: %[[NE:.*]] = arith.negf %[[E]]
// CHECK: %[[SMALL:.*]] = math.log %[[NE]]
// CHECK: math.exp
// CHECK: %[[LARGE:.*]] = math.log1p
// CHECK: %[[LN2:.*]] = arith.constant 0.693147182 : f32
// CHECK: %[[C:.*]] = arith.cmpf ole, %{{.*}}, %[[LN2]]
// CHECK: arith.select %[[C]]
func.func @conjugate(%u: tensor<4xf32>) -> tensor<4xf32> {
  %r = syna.conjugate %u : tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @surprisal
// CHECK: math.log
// CHECK: arith.negf
func.func @surprisal(%p: tensor<?x3xf64>) -> tensor<?x3xf64> {
  %r = syna.surprisal %p : tensor<?x3xf64>
  return %r : tensor<?x3xf64>
}

// -----

// CHECK-LABEL: func.func @prob
// CHECK: arith.negf
// CHECK: math.exp
func.func @prob(%s: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.prob %s : tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @bose_einstein
// CHECK: %[[E:.*]] = math.expm1
// CHECK: arith.divf %{{.*}}, %[[E]]
func.func @bose_einstein(%u: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.bose_einstein %u : tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @odds
// CHECK: %[[D:.*]] = arith.subf
// CHECK: arith.divf %{{.*}}, %[[D]]
func.func @odds(%p: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.odds %p : tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @relu
// CHECK: arith.maximumf
func.func @relu(%x: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.relu %x : tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

// Stable sigmoid: e^{-|x|} and a select on the sign.
// CHECK-LABEL: func.func @sigmoid
// CHECK: math.absf
// CHECK: math.exp
// CHECK: arith.cmpf oge
// CHECK: arith.select
func.func @sigmoid(%x: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.sigmoid %x : tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @swap_ratio
// CHECK: linalg.generic
// CHECK: arith.divf
func.func @swap_ratio(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  %r = syna.swap_ratio %x, %y beta %b : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @log_swap_ratio
// CHECK: linalg.generic
// CHECK-COUNT-2: math.expm1
// CHECK: arith.subf
func.func @log_swap_ratio(%x: tensor<3xf32>, %y: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.log_swap_ratio %x, %y beta %b : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %r : tensor<3xf32>
}

// -----

// Tensor-level arith (from syna-surprisal-rewrite) becomes linalg as well.
// CHECK-LABEL: func.func @tensor_add
// CHECK: linalg.generic
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
func.func @tensor_add(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %r = arith.addf %a, %b : tensor<3xf32>
  return %r : tensor<3xf32>
}
