// Every elementwise function against float64 NumPy (tolerances in Inputs/numeric.py).

func.func @surprisal(%p: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.surprisal %p : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @prob(%s: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.prob %s : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @conjugate(%u: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.conjugate %u : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @conjugate64(%u: tensor<4x256xf64>) -> tensor<4x256xf64> {
  %r = syna.conjugate %u : tensor<4x256xf64>
  return %r : tensor<4x256xf64>
}
func.func @bose_einstein(%u: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.bose_einstein %u : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @odds(%p: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.odds %p : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @relu(%x: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.relu %x : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @sigmoid(%x: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.sigmoid %x : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
func.func @tanh(%x: tensor<4x256xf32>) -> tensor<4x256xf32> {
  %r = syna.tanh %x : tensor<4x256xf32>
  return %r : tensor<4x256xf32>
}
