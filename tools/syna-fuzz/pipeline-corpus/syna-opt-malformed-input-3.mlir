syna.param @p : tensor<4xf32> init <uniform(0.0, 1.0)
