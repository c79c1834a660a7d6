// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --mlir-print-local-scope --split-input-file | FileCheck %s

// The gradient ops of syna-autodiff lower to linalg like the forward ops.

// synapse_dense_grad: h = g*y, then dx over loops (b, i, j) reducing i only
// (samples never mix) and d-beta over (i, b, j) reducing the batch; both
// recompute 1 - beta*x per term, so no B x n x n tensor exists.
// CHECK-LABEL: func.func @synapse_dense_grad
// CHECK-NOT: tensor<?x16x16xf32>
// CHECK: %[[H:.*]] = linalg.generic
// CHECK: arith.mulf
// CHECK: linalg.generic
// CHECK: arith.divf
// CHECK: %[[DX:.*]] = linalg.generic
// CHECK-SAME: affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-SAME: iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: ins(%[[H]], %{{.*}}, %{{.*}} : tensor<?x16xf32>, tensor<16x16xf32>, tensor<?x16xf32>)
// CHECK: %[[DB:.*]] = linalg.generic
// CHECK-SAME: affine_map<(d0, d1, d2) -> (d1, d0)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-SAME: iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["reduction", "parallel"]
// CHECK: %[[DA:.*]] = linalg.generic
// CHECK: arith.divf
// CHECK: return %[[DX]], %[[DB]], %[[DA]]
func.func @synapse_dense_grad(%x: tensor<?x16xf32>, %b: tensor<16x16xf32>, %a: tensor<16xf32>, %y: tensor<?x16xf32>, %g: tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>) {
  %dx, %db, %da = syna.synapse_dense_grad %x beta %b alpha %a result %y grad %g : (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x16xf32>, tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>)
  return %dx, %db, %da : tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>
}

// -----

// Element-type generic: the same lowering in f64, without alpha.
// CHECK-LABEL: func.func @synapse_dense_grad_f64
// CHECK-NOT: syna.
// CHECK: iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.divf {{.*}} : f64
// CHECK: return {{.*}} : tensor<4x8xf64>, tensor<8x8xf64>
func.func @synapse_dense_grad_f64(%x: tensor<4x8xf64>, %b: tensor<8x8xf64>, %y: tensor<4x8xf64>, %g: tensor<4x8xf64>) -> (tensor<4x8xf64>, tensor<8x8xf64>) {
  %dx, %db = syna.synapse_dense_grad %x beta %b result %y grad %g : (tensor<4x8xf64>, tensor<8x8xf64>, tensor<4x8xf64>, tensor<4x8xf64>) -> (tensor<4x8xf64>, tensor<8x8xf64>)
  return %dx, %db : tensor<4x8xf64>, tensor<8x8xf64>
}

// -----

// broadcast reads its extents from `like`; reduce_to_shape sums the leading
// and static-1 dimensions into the kept ones and expands the 1s back. Its
// loops run kept dimension first (parallel over channels); the reduced
// innermost dimension stays a parallel loop of lanes, last (vectorised),
// summed afterwards.
// CHECK-LABEL: func.func @shape_ops
// CHECK-SAME: (%[[V:.*]]: tensor<4xf32>, %[[L:.*]]: tensor<?x4xf32>, %[[G:.*]]: tensor<?x8x5x5xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[L]], %c0
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<?x4xf32>
// CHECK: %[[B:.*]] = linalg.generic {{.*}}affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>{{.*}} ins(%[[V]] : tensor<4xf32>) outs(%[[E]] : tensor<?x4xf32>)
// CHECK: %[[P:.*]] = linalg.generic {{.*}}affine_map<(d0, d1, d2, d3) -> (d1, d0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>
// CHECK-SAME: iterator_types = ["parallel", "reduction", "reduction", "parallel"]
// CHECK-SAME: outs(%{{.*}} : tensor<8x5xf32>)
// CHECK: %[[S:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]} ins(%[[P]] : tensor<8x5xf32>)
// CHECK: %[[X:.*]] = tensor.expand_shape %[[S]] {{\[\[}}0, 1, 2]] output_shape [8, 1, 1] : tensor<8xf32> into tensor<8x1x1xf32>
// CHECK: %[[T:.*]] = linalg.transpose ins(%{{.*}} : tensor<?x4xf32>) outs(%{{.*}} : tensor<4x?xf32>) permutation = [1, 0]
// CHECK: return %[[B]], %[[X]], %[[T]]
func.func @shape_ops(%v: tensor<4xf32>, %l: tensor<?x4xf32>, %g: tensor<?x8x5x5xf32>) -> (tensor<?x4xf32>, tensor<8x1x1xf32>, tensor<4x?xf32>) {
  %b = syna.broadcast %v like %l : tensor<4xf32> -> tensor<?x4xf32>
  %r = syna.reduce_to_shape %g : tensor<?x8x5x5xf32> -> tensor<8x1x1xf32>
  %t = syna.transpose %b {permutation = array<i64: 1, 0>} : tensor<?x4xf32> -> tensor<4x?xf32>
  return %b, %r, %t : tensor<?x4xf32>, tensor<8x1x1xf32>, tensor<4x?xf32>
}

// -----

// reduce_to_shape to a scalar: every dimension is summed.
// CHECK-LABEL: func.func @reduce_all
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "reduction"]
// CHECK-SAME: outs(%{{.*}} : tensor<f64>)
func.func @reduce_all(%g: tensor<?x3xf64>) -> tensor<f64> {
  %r = syna.reduce_to_shape %g : tensor<?x3xf64> -> tensor<f64>
  return %r : tensor<f64>
}

// -----

// conv2d_input_grad: the adjoint placed with the strides into a zero tensor
// of H + KH - 1 rows (offset KH - 1 - padding), the weight flipped and
// channel-transposed, then a stride-1 convolution.
// CHECK-LABEL: func.func @conv_grads
// CHECK: %[[GP:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 1, 1] [%{{.*}}, 8, 5, 5] [1, 1, 2, 2] : tensor<?x8x5x5xf32> into tensor<?x8x11x11xf32>
// CHECK: %[[WF:.*]] = linalg.generic {{.*}}affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 2, -d3 + 2)>
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[GP]], %[[WF]] : tensor<?x8x11x11xf32>, tensor<3x8x3x3xf32>) outs(%{{.*}} : tensor<?x3x9x9xf32>)
// conv2d_weight_grad: a reduction over (b, p) of the padded input with q
// kept (parallel, vectorisable), then the sum over q.
// CHECK: linalg.copy ins(%{{.*}} : tensor<?x3x9x9xf32>)
// CHECK: tensor.insert_slice %{{.*}}[0, 0, 1, 1] [%{{.*}}, 3, 9, 9] [1, 1, 1, 1] : tensor<?x3x9x9xf32> into tensor<?x3x11x11xf32>
// CHECK: linalg.generic {{.*}}affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d0, d5, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d1, d5 * 2 + d2, d6 * 2 + d3)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d6)>
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME: ins(%{{.*}} : tensor<8x3x3x3x5xf32>) outs(%{{.*}} : tensor<8x3x3x3xf32>)
func.func @conv_grads(%x: tensor<?x3x9x9xf32>, %w: tensor<8x3x3x3xf32>, %g: tensor<?x8x5x5xf32>) -> (tensor<?x3x9x9xf32>, tensor<8x3x3x3xf32>) {
  %dx = syna.conv2d_input_grad %g, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x8x5x5xf32>, tensor<8x3x3x3xf32>) -> tensor<?x3x9x9xf32>
  %dw = syna.conv2d_weight_grad %x, %g {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x3x9x9xf32>, tensor<?x8x5x5xf32>) -> tensor<8x3x3x3xf32>
  return %dx, %dw : tensor<?x3x9x9xf32>, tensor<8x3x3x3xf32>
}

// -----

// max_pool2d_grad with windows that tile x (2x2, strides 2, 6 = 3·2): x
// viewed as B×C×OH×KH×OW×KW; an argmax per window (value and row-major
// position) over (b, c, oh, ow, kh, kw), then dx in that view, each element
// once, and back to B×C×H×W.
// CHECK-LABEL: func.func @max_pool_grad
// CHECK: %[[XE:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2, 3], [4, 5]] {{.*}} into tensor<?x2x3x2x3x2xf32>
// CHECK: %[[ARG:.*]]:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d4, d3, d5)>
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
// CHECK-SAME: ins(%[[XE]] : tensor<?x2x3x2x3x2xf32>) outs(%{{.*}}, %{{.*}} : tensor<?x2x3x3xf32>, tensor<?x2x3x3xi64>)
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpi slt
// CHECK: %[[DXE:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]
// CHECK-SAME: ins(%[[ARG]]#1, %{{.*}} : tensor<?x2x3x3xi64>, tensor<?x2x3x3xf32>)
// CHECK: arith.cmpi eq
// CHECK: %[[DX:.*]] = tensor.collapse_shape %[[DXE]] {{\[}}[0], [1], [2, 3], [4, 5]]
// CHECK: return %[[DX]] : tensor<?x2x6x6xf32>
func.func @max_pool_grad(%x: tensor<?x2x6x6xf32>, %g: tensor<?x2x3x3xf32>) -> tensor<?x2x6x6xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x2x6x6xf32>, tensor<?x2x3x3xf32>) -> tensor<?x2x6x6xf32>
  return %dx : tensor<?x2x6x6xf32>
}

// -----

// Overlapping windows (3x3, strides 2): an argmax per window over x, then
// a gather over the windows that contain each element.
// CHECK-LABEL: func.func @max_pool_grad_overlapping
// CHECK-NOT: tensor.expand_shape
// CHECK: %[[ARG:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
// CHECK-SAME: outs(%{{.*}}, %{{.*}} : tensor<?x2x3x3xf32>, tensor<?x2x3x3xi64>)
// CHECK: arith.cmpf ogt
// CHECK: linalg.generic
// CHECK: tensor.extract %[[ARG]]#1
// CHECK: return {{.*}} : tensor<?x2x7x7xf32>
func.func @max_pool_grad_overlapping(%x: tensor<?x2x7x7xf32>, %g: tensor<?x2x3x3xf32>) -> tensor<?x2x7x7xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<?x2x7x7xf32>, tensor<?x2x3x3xf32>) -> tensor<?x2x7x7xf32>
  return %dx : tensor<?x2x7x7xf32>
}

// -----

// batch_norm_grad in training mode recomputes the batch statistics; both
// channel sums come from one pass; inference reads the running statistics.
// CHECK-LABEL: func.func @batch_norm_grad
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction", "reduction"]
// CHECK: %[[S:.*]]:2 = linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction", "reduction"]
// CHECK: %[[DX:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "parallel"]
// CHECK: math.sqrt
// CHECK: return %[[DX]], %[[S]]#1, %[[S]]#0
func.func @batch_norm_grad(%x: tensor<?x4x3x3xf32>, %s: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %g: tensor<?x4x3x3xf32>) -> (tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %dx, %ds, %dh = syna.batch_norm_grad %x, %s, %m, %v grad %g {training} : tensor<?x4x3x3xf32>, tensor<4xf32>
  return %dx, %ds, %dh : tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @batch_norm_grad_inference
// CHECK-NOT: linalg.generic
// The running statistics (%arg2, %arg3) are the statistics in effect:
// CHECK: %[[S:.*]]:2 = linalg.generic {{.*}}ins(%arg0, %arg4, %arg2, %arg3 :
// CHECK: return
func.func @batch_norm_grad_inference(%x: tensor<?x4xf64>, %s: tensor<4xf64>, %m: tensor<4xf64>, %v: tensor<4xf64>, %g: tensor<?x4xf64>) -> (tensor<?x4xf64>, tensor<4xf64>, tensor<4xf64>) {
  %dx, %ds, %dh = syna.batch_norm_grad %x, %s, %m, %v grad %g : tensor<?x4xf64>, tensor<4xf64>
  return %dx, %ds, %dh : tensor<?x4xf64>, tensor<4xf64>, tensor<4xf64>
}

// -----

// nll_loss_grad: -g/B at the label, 0 elsewhere, one parallel generic.
// CHECK-LABEL: func.func @nll_grad
// CHECK: %[[B:.*]] = tensor.dim
// CHECK: linalg.generic {{.*}}affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK: linalg.index 1
// CHECK: arith.cmpi eq
// CHECK: arith.negf
// CHECK: arith.divf
// CHECK: arith.select
func.func @nll_grad(%x: tensor<?x10xf32>, %l: tensor<?xi64>, %g: tensor<f32>) -> tensor<?x10xf32> {
  %d = syna.nll_loss_grad %x, %l grad %g : tensor<?x10xf32>, tensor<?xi64>, tensor<f32>
  return %d : tensor<?x10xf32>
}

// -----

// flip_circuit_grad: the forward trajectory into [T+1, state] buffers, then
// the reverse recurrence in a second scf.for; rank-0 parameters' adjoints
// are summed over the state at the end.
// CHECK-LABEL: func.func @flip_grad
// CHECK: scf.for
// CHECK: tensor.insert_slice {{.*}} into {{.*}} : tensor<?xf32> into tensor<6x?xf32>
// CHECK: scf.for
// CHECK: tensor.extract_slice {{.*}} : tensor<6x?xf32> to tensor<?xf32>
// CHECK: tensor.extract_slice {{.*}} : tensor<6x2x?xf32> to tensor<?xf32>
// CHECK: linalg.generic
// CHECK: scf.yield
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction"]
func.func @flip_grad(%x: tensor<?xf32>, %y: tensor<?xf32>, %a1: tensor<f32>, %a2: tensor<?xf32>, %b1: tensor<f32>, %b2: tensor<?xf32>, %gx: tensor<?xf32>, %gy: tensor<?xf32>, %gt: tensor<6x2x?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>) {
  %r:6 = syna.flip_circuit_grad %x, %y alpha %a1, %a2 beta %b1, %b2 steps 5 grad %gx, %gy trajectory %gt : (tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<6x2x?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>)
  return %r#0, %r#1, %r#2, %r#3, %r#4, %r#5 : tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>
}
