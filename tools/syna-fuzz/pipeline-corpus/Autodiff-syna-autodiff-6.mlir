// Batch-norm in inference mode: the running statistics get adjoints too,
// d mean = −scale·dshift/√(var + ε), d var = −½·scale·dscale/(var + ε).
func.func @bn_inference(%x: tensor<?x4xf32>, %s: tensor<4xf32>, %sh: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> tensor<?x4xf32> attributes {syna.differentiate} {
  %0:3 = syna.batch_norm %x, %s, %sh, %m, %v {epsilon = 0.5} : tensor<?x4xf32>, tensor<4xf32>
  return %0#0 : tensor<?x4xf32>
}
