// RUN: syna-opt %s --split-input-file --verify-diagnostics

func.func @missing() -> tensor<4xf32> {
  // expected-error @+1 {{'syna.param_read' op 'nope' does not name a syna.param}}
  %t = syna.param_read @nope : tensor<4xf32>
  return %t : tensor<4xf32>
}

// -----

syna.param @w : tensor<4xf32> init <zeros>
func.func @wrong_type(%v: tensor<3xf32>) {
  // expected-error @+1 {{'syna.param_write' op type 'tensor<3xf32>' differs from the parameter's type 'tensor<4xf32>'}}
  syna.param_write @w, %v : tensor<3xf32>
  return
}

// -----

func.func @int_value(%v: tensor<4xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float or 64-bit float values}}
  syna.param_write @w, %v : tensor<4xi32>
  return
}
