// syna-surprisal-rewrite preserves results, and on a deep chain (a synapse
// tensor followed by 48 synapses with strong inhibition, each multiplying by
// 1 - beta*h < 0.15) it avoids the underflow that the probability form hits.
// REQUIRES: numpy
// RUN: %python %S/Inputs/numeric.py %syna_run %s surprisal | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: PASS deep chain underflows in probability space
// CHECK: PASS deep chain in surprisal space matches the float64 log-space reference
// CHECK: all checks passed

func.func @chain(%x: tensor<4x64xf32>, %b: tensor<64x64xf32>, %h: tensor<4x64xf32>, %c: tensor<64xf32>) -> tensor<4x64xf32> {
  %y0 = syna.synapse_dense %x beta %b : (tensor<4x64xf32>, tensor<64x64xf32>) -> tensor<4x64xf32>
  %y1 = syna.synapse %y0, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y2 = syna.synapse %y1, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y3 = syna.synapse %y2, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y4 = syna.synapse %y3, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y5 = syna.synapse %y4, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y6 = syna.synapse %y5, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y7 = syna.synapse %y6, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y8 = syna.synapse %y7, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y9 = syna.synapse %y8, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y10 = syna.synapse %y9, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y11 = syna.synapse %y10, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y12 = syna.synapse %y11, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y13 = syna.synapse %y12, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y14 = syna.synapse %y13, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y15 = syna.synapse %y14, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y16 = syna.synapse %y15, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y17 = syna.synapse %y16, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y18 = syna.synapse %y17, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y19 = syna.synapse %y18, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y20 = syna.synapse %y19, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y21 = syna.synapse %y20, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y22 = syna.synapse %y21, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y23 = syna.synapse %y22, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y24 = syna.synapse %y23, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y25 = syna.synapse %y24, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y26 = syna.synapse %y25, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y27 = syna.synapse %y26, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y28 = syna.synapse %y27, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y29 = syna.synapse %y28, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y30 = syna.synapse %y29, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y31 = syna.synapse %y30, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y32 = syna.synapse %y31, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y33 = syna.synapse %y32, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y34 = syna.synapse %y33, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y35 = syna.synapse %y34, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y36 = syna.synapse %y35, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y37 = syna.synapse %y36, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y38 = syna.synapse %y37, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y39 = syna.synapse %y38, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y40 = syna.synapse %y39, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y41 = syna.synapse %y40, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y42 = syna.synapse %y41, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y43 = syna.synapse %y42, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y44 = syna.synapse %y43, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y45 = syna.synapse %y44, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y46 = syna.synapse %y45, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y47 = syna.synapse %y46, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %y48 = syna.synapse %y47, %h beta %c : (tensor<4x64xf32>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %s = syna.surprisal %y48 : tensor<4x64xf32>
  return %s : tensor<4x64xf32>
}
func.func @shallow(%x: tensor<4x64xf32>, %b1: tensor<64x64xf32>, %b2: tensor<64x64xf32>) -> tensor<4x64xf32> {
  %y1 = syna.synapse_dense %x beta %b1 : (tensor<4x64xf32>, tensor<64x64xf32>) -> tensor<4x64xf32>
  %y2 = syna.synapse_dense %y1 beta %b2 : (tensor<4x64xf32>, tensor<64x64xf32>) -> tensor<4x64xf32>
  return %y2 : tensor<4x64xf32>
}
func.func @elementwise(%x: tensor<8x16xf32>, %y: tensor<8x16xf32>, %b: tensor<16xf32>, %a: tensor<16xf32>) -> tensor<8x16xf32> {
  %s = syna.synapse %x, %y beta %b alpha %a : (tensor<8x16xf32>, tensor<8x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
  %p = arith.mulf %s, %x : tensor<8x16xf32>
  return %p : tensor<8x16xf32>
}
