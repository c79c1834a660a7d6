// The flip circuit with equal parameters reproduces the logistic map
// z <- alpha z (1 - z), z = beta x, including period doubling after alpha = 3.

func.func @flip(%x0: tensor<4xf32>, %y0: tensor<4xf32>, %a1: tensor<4xf32>, %a2: tensor<4xf32>,
                %b1: tensor<4xf32>, %b2: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<401x2x4xf32>) {
  %x, %y, %t = syna.flip_circuit %x0, %y0 alpha %a1, %a2 beta %b1, %b2 steps 400
      : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>)
        -> (tensor<4xf32>, tensor<4xf32>, tensor<401x2x4xf32>)
  return %x, %y, %t : tensor<4xf32>, tensor<4xf32>, tensor<401x2x4xf32>
}
