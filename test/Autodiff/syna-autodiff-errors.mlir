// syna-autodiff reports what it cannot differentiate at the op's location.
// RUN: syna-opt %s --split-input-file --syna-autodiff --verify-diagnostics
// RUN: not syna-opt %s --split-input-file --syna-autodiff=functions=missing 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: syna-autodiff: no func.func named 'missing' in the module

func.func @no_rule(%x: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  // expected-error @+1 {{'math.sin' op is not differentiable: it has no vector-Jacobian rule (SynaDifferentiableOpInterface)}}
  %0 = math.sin %x : tensor<4xf32>
  %1 = syna.sigmoid %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// An op without a rule is fine where nothing differentiated flows through it.
func.func @inactive(%x: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  %c = arith.constant dense<0.5> : tensor<4xf32>
  %0 = math.sin %c : tensor<4xf32>
  %1 = arith.mulf %x, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Gradient ops have no rule of their own.
func.func @grad_op(%x: tensor<2x4xf32>, %b: tensor<4x4xf32>) -> tensor<2x4xf32> attributes {syna.differentiate} {
  // expected-error @+1 {{'syna.synapse_dense_grad' op is not differentiable}}
  %0:2 = syna.synapse_dense_grad %x beta %b result %x grad %x : (tensor<2x4xf32>, tensor<4x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<4x4xf32>)
  return %0#0 : tensor<2x4xf32>
}

// -----

func.func @control_flow(%x: tensor<4xf32>, %c: i1) -> tensor<4xf32> attributes {syna.differentiate} {
  // expected-error @+1 {{'scf.if' op holds regions (control flow), which syna-autodiff does not differentiate}}
  %0 = scf.if %c -> tensor<4xf32> {
    %1 = syna.relu %x : tensor<4xf32>
    scf.yield %1 : tensor<4xf32>
  } else {
    scf.yield %x : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func private @callee(tensor<4xf32>) -> tensor<4xf32>
func.func @call(%x: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  // expected-error @+1 {{'func.call' op is a call, which syna-autodiff does not differentiate: inline the callee first (--inline)}}
  %0 = func.call @callee(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op has 2 blocks: syna-autodiff differentiates straight-line functions (one block, no control flow)}}
func.func @blocks(%x: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  cf.br ^next(%x : tensor<4xf32>)
^next(%y: tensor<4xf32>):
  return %y : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op is a declaration: syna-autodiff needs a function body}}
func.func private @declaration(tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate}

// -----

// expected-error @+1 {{'func.func' op cannot be differentiated into '@taken_grad': that symbol already exists}}
func.func @taken(%x: tensor<f32>) -> tensor<f32> attributes {syna.differentiate} {
  return %x : tensor<f32>
}
func.func @taken_grad(%x: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  return %x, %x : tensor<f32>, tensor<f32>
}

// -----

func.func @declared(%x: tensor<f32>) -> tensor<f32> attributes {syna.differentiate} {
  return %x : tensor<f32>
}
// expected-error @+1 {{'func.func' op declares the gradient of '@declared' with type '(tensor<f32>) -> tensor<f32>', but syna-autodiff builds '(tensor<f32>) -> (tensor<f32>, tensor<f32>)'}}
func.func private @declared_grad(tensor<f32>) -> tensor<f32>

// -----

// A convolution over a dynamic height is invalid IR before syna-autodiff
// sees it: the rule asks for a static window (test/Dialect/Syna/invalid.mlir).
func.func @conv_dynamic(%img: tensor<?x1x?x?xf32>, %k: tensor<2x1x3x3xf32>) -> tensor<?x2x?x?xf32> attributes {syna.differentiate} {
  // expected-error @+2 {{'syna.conv2d' op the height and width of the input tensor<?x1x?x?xf32> must be static: only the batch and channels may vary}}
  // expected-error @+1 {{'syna.conv2d' op failed to infer returned types}}
  %0 = syna.conv2d %img, %k : (tensor<?x1x?x?xf32>, tensor<2x1x3x3xf32>) -> tensor<?x2x?x?xf32>
  return %0 : tensor<?x2x?x?xf32>
}

