// RUN: syna-opt %s --syna-fold-constant-transposes | FileCheck %s

// A transpose of a constant is the transposed constant.
// CHECK-LABEL: func.func @matrix
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-NEXT: return %[[C]]
func.func @matrix() -> tensor<3x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %e = tensor.empty() : tensor<3x2xf32>
  %t = linalg.transpose ins(%w : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) permutation = [1, 0]
  return %t : tensor<3x2xf32>
}

// Rank 3, result[i, j, k] = source[j, k, i]; 64-bit integers.
// CHECK-LABEL: func.func @rank3
// CHECK-NEXT: arith.constant dense<{{\[}}{{\[}}[0, 2], [4, 6]], {{\[}}[1, 3], [5, 7]]]> : tensor<2x2x2xi64>
func.func @rank3() -> tensor<2x2x2xi64> {
  %w = arith.constant dense<[[[0, 1], [2, 3]], [[4, 5], [6, 7]]]> : tensor<2x2x2xi64>
  %e = tensor.empty() : tensor<2x2x2xi64>
  %t = linalg.transpose ins(%w : tensor<2x2x2xi64>) outs(%e : tensor<2x2x2xi64>) permutation = [2, 0, 1]
  return %t : tensor<2x2x2xi64>
}

// A splat needs only its new shape.
// CHECK-LABEL: func.func @splat
// CHECK-NEXT: arith.constant dense<2.500000e+00> : tensor<4x2xf32>
func.func @splat() -> tensor<4x2xf32> {
  %w = arith.constant dense<2.5> : tensor<2x4xf32>
  %e = tensor.empty() : tensor<4x2xf32>
  %t = linalg.transpose ins(%w : tensor<2x4xf32>) outs(%e : tensor<4x2xf32>) permutation = [1, 0]
  return %t : tensor<4x2xf32>
}

// A transpose of a value known only at run time stays.
// CHECK-LABEL: func.func @runtime
// CHECK: linalg.transpose
func.func @runtime(%w: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %e = tensor.empty() : tensor<3x2xf32>
  %t = linalg.transpose ins(%w : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) permutation = [1, 0]
  return %t : tensor<3x2xf32>
}
