// The checks of a lowering configuration against the op that carries it
// (syna::verifyLoweringConfig, called by the dialect's
// verifyOperationAttribute).
// RUN: syna-opt %s --split-input-file --verify-diagnostics

func.func @wrong_kind(%t: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'syna.tiling': expected a #syna.tiling attribute}}
  %0 = linalg.fill {syna.tiling = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 16], interchange = [0, 1]>} ins(%zero : f32) outs(%t : tensor<?x64xf32>) -> tensor<?x64xf32>
  return %0 : tensor<?x64xf32>
}

// -----

func.func @too_many_tile_sizes(%t: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'syna.tiling': 3 tile sizes for 2 loops}}
  %0 = linalg.fill {syna.tiling = #syna.tiling<tile_sizes = [10, 8, 1]>} ins(%zero : f32) outs(%t : tensor<?x64xf32>) -> tensor<?x64xf32>
  return %0 : tensor<?x64xf32>
}

// -----

func.func @vectorization_loop_count(%t: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %zero = arith.constant 0.0 : f32
  // expected-error @+1 {{'syna.vectorization': 3 tile sizes for 2 loops}}
  %0 = linalg.fill {syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 16], interchange = [0, 1, 2]>} ins(%zero : f32) outs(%t : tensor<?x64xf32>) -> tensor<?x64xf32>
  return %0 : tensor<?x64xf32>
}

// -----

func.func @unknown_config() attributes {syna.tiling = 10 : i64} {
  // expected-error @-1 {{'syna.tiling': expected a #syna.tiling attribute}}
  return
}
