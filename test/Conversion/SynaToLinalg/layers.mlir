// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --mlir-print-local-scope --split-input-file | FileCheck %s

// x·Wᵀ + b: bias broadcast into the accumulator, reduction over (b, k, o).
// CHECK-LABEL: func.func @dense
// CHECK: %[[WT:.*]] = linalg.transpose
// CHECK: %[[INIT:.*]] = linalg.generic {{.*}}affine_map<(d0, d1) -> (d1)>
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]{{.*}}ins(%{{.*}}, %[[WT]] : {{.*}}) outs(%[[INIT]] :
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @dense(%x: tensor<?x48xf32>, %w: tensor<32x48xf32>, %b: tensor<32xf32>) -> tensor<?x32xf32> {
  %r = syna.dense %x, %w bias %b : (tensor<?x48xf32>, tensor<32x48xf32>, tensor<32xf32>) -> tensor<?x32xf32>
  return %r : tensor<?x32xf32>
}

// -----

// CHECK-LABEL: func.func @conv
// Padding: a zero tensor with the input copied into its interior (a
// linalg.copy, which is tiled and vectorized; a tensor.pad would become an
// element-by-element strided copy).
// CHECK: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x3x11x11xf32>)
// CHECK: %[[W:.*]] = tensor.extract_slice %[[Z]][0, 0, 1, 1] [2, 3, 9, 9] [1, 1, 1, 1]
// CHECK: %[[C:.*]] = linalg.copy ins(%{{.*}} : tensor<2x3x9x9xf32>) outs(%[[W]] : tensor<2x3x9x9xf32>)
// CHECK: tensor.insert_slice %[[C]] into %[[Z]][0, 0, 1, 1] [2, 3, 9, 9] [1, 1, 1, 1]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @conv(%x: tensor<2x3x9x9xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<2x4x5x5xf32> {
  %r = syna.conv2d %x, %w bias %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>}
      : (tensor<2x3x9x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x5x5xf32>
  return %r : tensor<2x4x5x5xf32>
}

// -----

// CHECK-LABEL: func.func @pool
// CHECK: linalg.fill ins(%{{.*}} : f32)
// CHECK: linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @pool(%x: tensor<?x3x9x9xf32>) -> tensor<?x3x4x4xf32> {
  %r = syna.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x9x9xf32> -> tensor<?x3x4x4xf32>
  return %r : tensor<?x3x4x4xf32>
}

// -----

// Stable softmax: row max, sum of exp(x − max), division; never over the batch.
// CHECK-LABEL: func.func @softmax
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: arith.maximumf
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: math.exp
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]
// CHECK: arith.divf
func.func @softmax(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %r = syna.softmax %x : tensor<?x10xf32>
  return %r : tensor<?x10xf32>
}

// -----

// CHECK-LABEL: func.func @log_softmax
// CHECK: arith.maximumf
// CHECK: math.exp
// CHECK: math.log
// CHECK: arith.subf
func.func @log_softmax(%x: tensor<4x10xf32>) -> tensor<4x10xf32> {
  %r = syna.log_softmax %x : tensor<4x10xf32>
  return %r : tensor<4x10xf32>
}

// -----

// NLL: one reduction over (b, c) selecting the labelled class; mean divides
// by the batch size.
// CHECK-LABEL: func.func @nll
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "reduction"]
// CHECK: linalg.index 1
// CHECK: arith.cmpi eq
// CHECK: arith.select
// CHECK: arith.sitofp
// CHECK: arith.divf
func.func @nll(%x: tensor<?x10xf32>, %l: tensor<?xi64>) -> tensor<f32> {
  %r = syna.nll_loss %x, %l : tensor<?x10xf32>, tensor<?xi64> -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @xent
// CHECK: math.log
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "reduction"]
func.func @xent(%x: tensor<7x10xf32>, %l: tensor<7xi32>) -> tensor<f32> {
  %r = syna.cross_entropy %x, %l {reduction = #syna.reduction<sum>} : tensor<7x10xf32>, tensor<7xi32> -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// Inference: running statistics, returned unchanged.
// CHECK-LABEL: func.func @bn_eval
// CHECK-SAME: %[[M:[a-z0-9]+]]: tensor<4xf32>, %[[V:[a-z0-9]+]]: tensor<4xf32>)
// CHECK: math.sqrt
// CHECK: return %{{.*}}, %[[M]], %[[V]]
func.func @bn_eval(%x: tensor<5x4x3x3xf32>, %s: tensor<4xf32>, %h: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<5x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = syna.batch_norm %x, %s, %h, %m, %v : tensor<5x4x3x3xf32>, tensor<4xf32>
  return %y, %nm, %nv : tensor<5x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Training: batch statistics reduce every dimension but the channel.
// CHECK-LABEL: func.func @bn_train
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction", "reduction"]
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction", "reduction"]
func.func @bn_train(%x: tensor<?x4x3x3xf32>, %s: tensor<4xf32>, %h: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = syna.batch_norm %x, %s, %h, %m, %v {training} : tensor<?x4x3x3xf32>, tensor<4xf32>
  return %y, %nm, %nv : tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Counter-based mask: splitmix64 of the key and the element's linear index.
// CHECK-LABEL: func.func @dropout
// CHECK: linalg.generic
// CHECK: linalg.index 0
// CHECK: linalg.index 1
// CHECK: arith.xori
// CHECK: arith.shrui
// CHECK: arith.uitofp
// CHECK: arith.cmpf oge
// CHECK: arith.select
func.func @dropout(%x: tensor<64x128xf32>, %k: i64) -> tensor<64x128xf32> {
  %r = syna.dropout %x, %k {rate = 0.25 : f64, training} : tensor<64x128xf32>
  return %r : tensor<64x128xf32>
}

// -----

// CHECK-LABEL: func.func @dropout_eval
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %{{.*}}: i64)
// CHECK-NEXT: return %[[X]]
func.func @dropout_eval(%x: tensor<4xf32>, %k: i64) -> tensor<4xf32> {
  %r = syna.dropout %x, %k {rate = 0.25 : f64} : tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape
// CHECK: arith.divui
// CHECK: tensor.from_elements
// CHECK: tensor.reshape
func.func @reshape(%x: tensor<?x2x3x4xf32>) -> tensor<?x12x2xf32> {
  %r = syna.reshape %x : tensor<?x2x3x4xf32> -> tensor<?x12x2xf32>
  return %r : tensor<?x12x2xf32>
}

// -----

// CHECK-LABEL: func.func @flatten
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2, 3]]
func.func @flatten(%x: tensor<?x2x3x4xf32>) -> tensor<?x24xf32> {
  %r = syna.flatten %x : tensor<?x2x3x4xf32> -> tensor<?x24xf32>
  return %r : tensor<?x24xf32>
}
