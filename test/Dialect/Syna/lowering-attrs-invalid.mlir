// The checks of the lowering configuration attributes themselves (made when
// they are parsed).
// RUN: syna-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{tile sizes must be non-negative}}
#tiling = #syna.tiling<tile_sizes = [10, -1]>
func.func private @negative_tile(%t: tensor<?x4xf32>) attributes {syna.tiling = #tiling}

// -----

// expected-error @+1 {{interchange must be a permutation of 0..2}}
#vec = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 0, 8], interchange = [0, 2, 2]>
func.func private @not_a_permutation() attributes {syna.vectorization = #vec}

// -----

// expected-error @+1 {{interchange has 2 loops, tile_sizes 3}}
#vec = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 0, 8], interchange = [1, 0]>
func.func private @interchange_length() attributes {syna.vectorization = #vec}

// -----

// expected-error @+1 {{vector_loop 3 is not a loop of tile_sizes}}
#vec = #syna.vectorization<vector_loop = 3, tile_sizes = [1, 0, 8], interchange = [0, 1, 2]>
func.func private @vector_loop_range() attributes {syna.vectorization = #vec}
