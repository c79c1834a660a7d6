// Crashes MLIR 22.1's parser (mlir-opt too): linalg.transpose with an
// unterminated `permutation` list sets a null attribute (TransposeOp::parse →
// NamedAttrList::set). Found by syna-fuzz-pipeline; syna's tools reject it
// before MLIR's parser sees it (syna/ParseMlir.h).
func.func @f(%w: tensor<2x2xf32>, %o: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %t = linalg.transpose ins(%w : tensor<2x2xf32>) outs(%o : tensor<2x2xf32>) permutation = [1, 0;
  return %t : tensor<2x2xf32>
}
