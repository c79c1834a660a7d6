// Bad input gets a clear error and exit status 1, never a crash.
// RUN: not syna-run run %s --graph dense -i "[[0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: syna-run: error: @dense takes 2 input(s) but 1 were given (missing input 1); expected:
// MISSING-NEXT: input 0: tensor<?x2xfloat32>
// MISSING-NEXT: input 1: tensor<2x2xfloat32>
// RUN: not syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, 0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: syna-run: error: input 1 of @dense (tensor<2x2xfloat32>): dimension 0 must be 2 but got shape 1x3
// RUN: not syna-run run %s --graph dense -i "[0.5, 0.5]" -i "[[0.5, 0.5], [0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: syna-run: error: input 0 of @dense (tensor<?x2xfloat32>) has rank 2 but got shape 2
// RUN: not syna-run run %s --graph pair -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=BATCH
// BATCH: syna-run: error: @pair cannot run on inputs of shapes 1x2, 2x2: {{.*}}errors.mlir:{{[0-9]+}}:8: 'syna.synapse' op operand 'x' has size 1 in dimension 0
// RUN: not syna-run run %s --graph dense -i "[[0.5, 1.5]]" -i "[[0.5, 0.5], [0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=DOMAIN
// DOMAIN: syna-run: error: input 0 of @dense: element [0, 1] = 1.5 lies outside [0, 1], the domain of operand 'x' of syna.synapse_dense at {{.*}}errors.mlir
// RUN: not syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, -0.1], [0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=BETA
// BETA: element [0, 1] = -0.1 lies outside [0, 1], the domain of operand 'beta' of syna.synapse_dense
// RUN: not syna-run run %s --graph loss -i "[[0.1, 0.2, 0.7]]" -i "[3]" 2>&1 | FileCheck %s --check-prefix=LABEL
// LABEL: input 1 of @loss: element [0] = 3 lies outside integers in [0, 3), the domain of operand 'labels' of syna.nll_loss
// RUN: not syna-run run %s --graph loss -i "[[0.1, 0.2, 0.7]]" -i "[0.5]" 2>&1 | FileCheck %s --check-prefix=INTKIND
// INTKIND: input 1 of @loss (tensor<?xint64>) cannot take float64 values
// RUN: not syna-run run %s --graph nope 2>&1 | FileCheck %s --check-prefix=GRAPH
// GRAPH: syna-run: error: no graph @nope in the module (graphs: @dense, @pair, @loss)
// RUN: not syna-run run %s --graph dense -i "[[0.5, 0.5" -i "[[0.5]]" 2>&1 | FileCheck %s --check-prefix=LITERAL
// LITERAL: syna-run: error: input 0 ('{{\[\[}}0.5, 0.5'): bad array literal at column 11: expected ',' or ']'
// RUN: printf 'not an npy file' > %t.bad.npy
// RUN: not syna-run run %s --graph dense -i %t.bad.npy -i "[[0.5]]" 2>&1 | FileCheck %s --check-prefix=CORRUPT
// CORRUPT: syna-run: error: input 0 ('{{.*}}.bad.npy'): {{.*}}.bad.npy: not a valid .npy file: missing the \x93NUMPY magic
// RUN: printf "\x93NUMPY\x01\x00\x46\x00{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), }            \n" > %t.trunc.npy
// RUN: not syna-run run %s --graph dense -i %t.trunc.npy -i "[[0.5]]" 2>&1 | FileCheck %s --check-prefix=TRUNC
// TRUNC: not a valid .npy file: data is truncated: shape 4x2 needs 32 bytes, file has {{[0-9]}}
// RUN: not syna-run run %s --graph dense -i %t.missing.npy -i "[[0.5]]" 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: syna-run: error: input 0 ('{{.*}}missing.npy'): cannot read '{{.*}}missing.npy': No such file or directory
// RUN: printf 'graph g {}' > %t.syna
// RUN: not syna-run run %t.syna --graph g 2>&1 | FileCheck %s --check-prefix=SYNA
// SYNA: {{.*}}.syna:1:9: error: expected '(' to open the argument list, found '{'
// RUN: not syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.5, 0.5]]" --param nope=%t.bad.npy 2>&1 | FileCheck %s --check-prefix=PARAM
// PARAM: syna-run: error: --param nope={{.*}}: no syna.param @nope
// RUN: not syna-run 2>&1 | FileCheck %s --check-prefix=NOCMD
// NOCMD: syna-run: error: expected a subcommand

func.func @dense(%x: tensor<?x2xf32>, %b: tensor<2x2xf32>) -> tensor<?x2xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
func.func @pair(%x: tensor<?x2xf32>, %y: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %b = arith.constant dense<0.5> : tensor<2xf32>
  %r = syna.synapse %x, %y beta %b : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  return %r : tensor<?x2xf32>
}
func.func @loss(%p: tensor<?x3xf32>, %l: tensor<?xi64>) -> tensor<f32> {
  %r = syna.nll_loss %p, %l : tensor<?x3xf32>, tensor<?xi64> -> tensor<f32>
  return %r : tensor<f32>
}
