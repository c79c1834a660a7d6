func.func @compose_transposes(%x: tensor<2x3x5xf32>) -> tensor<3x5x2xf32> {
  // result dim m of the outer transpose is x's dim p[q[m]]: [1, 2, 0]
  %0 = syna.transpose %x {permutation = array<i64: 2, 0, 1>} : tensor<2x3x5xf32> -> tensor<5x2x3xf32>
  %1 = syna.transpose %0 {permutation = array<i64: 2, 1, 0>} : tensor<5x2x3xf32> -> tensor<3x2x5xf32>
  %2 = syna.transpose %1 {permutation = array<i64: 0, 2, 1>} : tensor<3x2x5xf32> -> tensor<3x5x2xf32>
  return %2 : tensor<3x5x2xf32>
}
