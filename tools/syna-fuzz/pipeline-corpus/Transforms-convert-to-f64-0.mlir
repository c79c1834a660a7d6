// Parameters (type, initial values), function types, constants, block
// arguments and op results all become f64; integers stay.
syna.param @beta : tensor<2x2xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @theta : tensor<2xf32> init <zeros> {syna.theta = dense<[0.25, 0.5]> : tensor<2xf32>}

func.func @g(%x: tensor<?x2xf32>, %l: tensor<?xi32>) -> (tensor<?x2xf32>, tensor<f32>) {
  %b = syna.param_ref @beta : tensor<2x2xf32>
  %y = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  %h = arith.constant dense<0.5> : tensor<f32>
  %s = syna.synapse %y, %y beta %h : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<f32>) -> tensor<?x2xf32>
  %loss = syna.nll_loss %s, %l : tensor<?x2xf32>, tensor<?xi32> -> tensor<f32>
  return %s, %loss : tensor<?x2xf32>, tensor<f32>
}
