// Parameter domains: dθ = g·v(1 − v) (unit), −g·expm1(−v) (positive),
// −g·expm1(1 − v) (at_least_one), where v is the mapped value. The synapse
// tensor goes through synapse_dense_grad, with the forward result.
syna.param @beta : tensor<4x4xf32> init <zeros> domain <unit>
syna.param @alpha : tensor<4xf32> init <zeros> domain <at_least_one>
syna.param @gain : tensor<4xf32> init <zeros> domain <positive>

func.func @params(%x: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {syna.differentiate} {
  %beta = syna.param_ref @beta : tensor<4x4xf32>
  %alpha = syna.param_ref @alpha : tensor<4xf32>
  %gain = syna.param_ref @gain : tensor<4xf32>
  %y = syna.synapse_dense %x beta %beta alpha %alpha : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %z = syna.synapse %y, %x beta %beta alpha %gain : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %z : tensor<?x4xf32>
}
// synapse: operands broadcast to the result, adjoints summed back.
// dx = g·(1 − βy)·α: the adjoint of %y
// dy = −g·α·β·x
// dβ = −Σ g·α·x·y
// dα = Σ g·(1 − βy)·x
// positive: −g·expm1(−v)
// at_least_one: −g·expm1(1 − v)
// unit: g·v·(1 − v)
