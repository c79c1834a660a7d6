//===- FoldConstantTransposes.cpp - transposes of constants, at compile time ---===//
//
// syna-fold-constant-transposes (Passes.td): a linalg.transpose of a dense
// constant becomes the transposed constant. The bytes are permuted in one
// pass over the data, so a weight matrix of a million elements costs
// milliseconds.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace syna {
#define GEN_PASS_DEF_FOLDCONSTANTTRANSPOSES
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

constexpr int64_t kMaxFoldedElements = int64_t(1) << 24;

/// `values` (row-major, of `type`) transposed by `permutation` into
/// `resultType`; null for element types that are not whole bytes wide.
DenseElementsAttr transpose(DenseElementsAttr values, ShapedType resultType,
                            ArrayRef<int64_t> permutation) {
  if (values.isSplat())
    return values.resizeSplat(resultType);
  unsigned bits = resultType.getElementTypeBitWidth();
  if (bits % 8 != 0 || !values.getElementType().isIntOrFloat())
    return {};
  size_t width = bits / 8;
  ArrayRef<char> source = values.getRawData();
  ArrayRef<int64_t> sourceShape = values.getType().getShape();
  int64_t rank = sourceShape.size();
  // Row-major strides of the source, read in the order of the result's
  // dimensions: result[i0, i1, ...] = source[..., i_k at dim perm[k], ...].
  SmallVector<int64_t> sourceStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    sourceStrides[d] = sourceStrides[d + 1] * sourceShape[d + 1];
  SmallVector<int64_t> strideOfResultDim(rank);
  for (int64_t k = 0; k < rank; ++k)
    strideOfResultDim[k] = sourceStrides[permutation[k]];
  ArrayRef<int64_t> resultShape = resultType.getShape();
  std::vector<char> result(source.size());
  SmallVector<int64_t> index(rank, 0);
  int64_t offset = 0;
  for (size_t at = 0; at < result.size(); at += width) {
    std::memcpy(&result[at], &source[offset * width], width);
    // Advance the result's multi-index, keeping the source offset.
    for (int64_t k = rank - 1; k >= 0; --k) {
      offset += strideOfResultDim[k];
      if (++index[k] < resultShape[k])
        break;
      offset -= strideOfResultDim[k] * resultShape[k];
      index[k] = 0;
    }
  }
  return DenseElementsAttr::getFromRawBuffer(resultType, result);
}

struct FoldTransposeOfConstant : OpRewritePattern<linalg::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    DenseElementsAttr values;
    if (op->getNumResults() != 1 ||
        !matchPattern(op.getInput(), m_Constant(&values)) ||
        values.getNumElements() > kMaxFoldedElements)
      return failure();
    auto resultType = cast<ShapedType>(op->getResult(0).getType());
    DenseElementsAttr transposed =
        transpose(values, resultType, op.getPermutation());
    if (!transposed)
      return failure();
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, transposed);
    return success();
  }
};

struct FoldConstantTransposesPass
    : ::syna::impl::FoldConstantTransposesBase<FoldConstantTransposesPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldTransposeOfConstant>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
