// Dynamic sizes are checked against every op's rules when the inputs
// arrive (docs/robustness.md, "Sizes known at run time"): a mismatch is a
// clear error at the op's location, never values read past an input.

// The broadcasting rule: a dynamic size broadcasts only against an equal
// size; a 1 that arrives at run time is not stretched, on either side.
// RUN: not syna-run run %s --graph pair -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.1, 0.1]]" 2>&1 | FileCheck %s --check-prefix=PAIR-X
// PAIR-X: syna-run: error: @pair cannot run on inputs of shapes 1x2, 2x2: {{.*}}extents.mlir:41:8: 'syna.synapse' op operand 'x' has size 1 in dimension 0 with these inputs where the result has 2: a dynamic size broadcasts only against an equal size
// RUN: not syna-run run %s --graph pair -i "[[0.5, 0.5], [0.1, 0.1], [0.2, 0.2]]" -i "[[0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=PAIR-Y
// PAIR-Y: 'syna.synapse' op operand 'y' has size 1 in dimension 0 with these inputs where the result has 3
// RUN: not syna-run run %s --graph pair -i "[[0.5, 0.5], [0.1, 0.1], [0.2, 0.2]]" -i "[[0.5, 0.5], [0.5, 0.5]]" 2>&1 | FileCheck %s --check-prefix=PAIR-23
// PAIR-23: 'syna.synapse' op shapes do not broadcast (x tensor<3x2xf32>, y tensor<2x2xf32>, beta tensor<2xf32>): dimension 3 vs 2
// Equal sizes run: S = x·(1 − 0.5·y).
// RUN: syna-run run %s --graph pair -i "[[0.5, 0.5], [0.2, 0.4]]" -i "[[0.5, 0.5], [0.8, 0.0]]" | FileCheck %s --check-prefix=PAIR-OK
// PAIR-OK: {{\[\[}}0.375, 0.375],
// PAIR-OK-NEXT: [0.12, 0.4]]

// A square β whose sides arrive unequal; x whose features are not β's.
// RUN: not syna-run run %s --graph tensor -i "[[0.5, 0.5]]" -i "[[0.5, 0.5, 0.1], [0.1, 0.1, 0.1]]" 2>&1 | FileCheck %s --check-prefix=SQUARE
// SQUARE: @tensor cannot run on inputs of shapes 1x2, 2x3: {{.*}}extents.mlir:45:8: 'syna.synapse_dense' op beta must be square (n x n)
// RUN: not syna-run run %s --graph tensor -i "[[0.5, 0.5, 0.5]]" -i "[[0.5, 0.5], [0.1, 0.1]]" 2>&1 | FileCheck %s --check-prefix=FEATURES
// FEATURES: 'syna.synapse_dense' op x tensor<1x3xf32> has 3 features but beta tensor<2x2xf32> has 2

// The two sides of an arithmetic, also inside a called function.
// RUN: not syna-run run %s --graph add -i "[0.5, 0.5]" -i "[0.5]" 2>&1 | FileCheck %s --check-prefix=ADD
// ADD: @add cannot run on inputs of shapes 2, 1: {{.*}}extents.mlir:49:8: 'arith.addf' op takes operands of equal sizes, but they are 'tensor<2xf32>' and 'tensor<1xf32>' with these inputs
// RUN: not syna-run run %s --graph caller -i "[0.5, 0.5, 0.5]" -i "[0.5]" 2>&1 | FileCheck %s --check-prefix=CALL
// CALL: @caller cannot run on inputs of shapes 3, 1: {{.*}}extents.mlir:49:8: 'arith.addf' op takes operands of equal sizes

// A dynamic class count becomes known: labels are checked against it.
// RUN: not syna-run run %s --graph loss -i "[[0.5, 0.5]]" -i "[2]" 2>&1 | FileCheck %s --check-prefix=LABEL
// LABEL: input 1 of @loss: element [0] = 2 lies outside integers in [0, 2), the domain of operand 'labels' of syna.nll_loss at {{.*}}extents.mlir:57:8

// Independent dynamic sizes (a batch and a length) are not one batch.
// RUN: syna-run run %s --graph independent -i "[[0.5, 0.5]]" -i "[-1.0, 2.0, 3.0]" | FileCheck %s --check-prefix=INDEP
// INDEP: result 0: 3 float32
// INDEP-NEXT: [0, 2, 3]

func.func @pair(%x: tensor<?x2xf32>, %y: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %b = arith.constant dense<0.5> : tensor<2xf32>
  %r = syna.synapse %x, %y beta %b : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  return %r : tensor<?x2xf32>
}
func.func @tensor(%x: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %r = syna.synapse_dense %x beta %b : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
func.func @add(%x: tensor<?xf32>, %y: tensor<?xf32>) -> tensor<?xf32> {
  %r = arith.addf %x, %y : tensor<?xf32>
  return %r : tensor<?xf32>
}
func.func @caller(%x: tensor<?xf32>, %y: tensor<?xf32>) -> tensor<?xf32> {
  %r = func.call @add(%x, %y) : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %r : tensor<?xf32>
}
func.func @loss(%p: tensor<?x?xf32>, %l: tensor<?xi64>) -> tensor<f32> {
  %r = syna.nll_loss %p, %l : tensor<?x?xf32>, tensor<?xi64> -> tensor<f32>
  return %r : tensor<f32>
}
func.func @independent(%x: tensor<?x2xf32>, %y: tensor<?xf32>) -> tensor<?xf32> {
  %r = syna.relu %y : tensor<?xf32>
  return %r : tensor<?xf32>
}

// gradcheck gives every dynamic size the value of --batch: a graph that
// relates them otherwise is reported, not run.
// RUN: not syna-run gradcheck %s --graph mixed --batch 3 2>&1 | FileCheck %s --check-prefix=GRADCHECK
// GRADCHECK: syna-run: error: @mixed cannot run on inputs of shapes 3x4, 3x3: {{.*}}extents.mlir:{{[0-9]+}}:8: 'syna.synapse' op shapes do not broadcast {{.*}} (gradcheck gives every dynamic size the value of --batch)
func.func @mixed(%x: tensor<?x4xf32>, %y: tensor<?x?xf32>) -> tensor<?x4xf32> {
  %b = arith.constant dense<0.5> : tensor<4xf32>
  %r = syna.synapse %x, %y beta %b : (tensor<?x4xf32>, tensor<?x?xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}

// syna.broadcast follows the same rule: a dynamic size of its input that
// arrives as 1 is not stretched.
// RUN: not syna-run run %s --graph bc -i "[1.0]" -i "[[1.0, 2, 3], [4, 5, 6]]" 2>&1 | FileCheck %s --check-prefix=BC-ONE
// BC-ONE: @bc cannot run on inputs of shapes 1, 2x3: {{.*}}extents.mlir:{{[0-9]+}}:8: 'syna.broadcast' op operand #0 has size 1 in dimension 0 with these inputs where the result has 3
// RUN: not syna-run run %s --graph bc -i "[1.0, 2]" -i "[[1.0, 2, 3], [4, 5, 6]]" 2>&1 | FileCheck %s --check-prefix=BC-TWO
// BC-TWO: 'syna.broadcast' op operand #0 has size 2 in dimension 0 with these inputs where the result has 3
// RUN: syna-run run %s --graph bc -i "[1.0, 2, 3]" -i "[[0.0, 0, 0], [0, 0, 0]]" | FileCheck %s --check-prefix=BC-OK
// BC-OK: {{\[\[}}1, 2, 3],
// BC-OK-NEXT: [1, 2, 3]]
func.func @bc(%x: tensor<?xf32>, %y: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %r = syna.broadcast %x like %y : tensor<?xf32> -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
