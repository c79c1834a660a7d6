// G(u) in its two stable branches, selected at ln 2.
func.func @conjugate(%u: tensor<4xf32>) -> tensor<4xf32> {
  %r = syna.conjugate %u : tensor<4xf32>
  return %r : tensor<4xf32>
}
