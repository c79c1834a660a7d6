// Parameters become mutable globals holding θ; param_ref loads θ and applies
// the domain map.
syna.param @w : tensor<2x3xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @given : tensor<2xf32> init <zeros> domain <at_least_one> {syna.theta = dense<[1.5, -2.0]> : tensor<2xf32>}
syna.param @ones : tensor<2xf32> init <ones> domain <positive>

func.func @read() -> (tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>) {
  %w = syna.param_ref @w : tensor<2x3xf32>
  %g = syna.param_ref @given : tensor<2xf32>
  %o = syna.param_ref @ones : tensor<2xf32>
  return %w, %g, %o : tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>
}

// The same seed draws the same θ (std::mt19937_64, whose stream the C++
// standard fixes, seeded with 7 ^ FNV-1a("w")), another seed another one.
