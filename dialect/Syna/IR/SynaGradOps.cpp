//===- SynaGradOps.cpp - shape and gradient ops: verifiers, folders -------===//
//
// The ops of SynaGradOps.td. Their classes are generated into SynaOps.cpp.inc
// with the rest of the dialect; this file holds their verifiers and folders.
//
//===----------------------------------------------------------------------===//
#include "ShapeChecks.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

using namespace mlir;
using namespace syna;

//===----------------------------------------------------------------------===//
// Broadcast and its adjoint
//===----------------------------------------------------------------------===//

/// Checks that `small` broadcasts to `large` (NumPy rule, aligned at the
/// trailing dimension): each dimension of `small` is statically 1 or
/// compatible with the aligned dimension of `large`.
static LogicalResult verifyBroadcastsTo(Operation *op, ArrayRef<int64_t> small,
                                        ArrayRef<int64_t> large,
                                        StringRef smallName,
                                        StringRef largeName) {
  auto fail = [&]() {
    return op->emitOpError()
           << smallName << " shape " << shapeString(small)
           << " does not broadcast to " << largeName << " shape "
           << shapeString(large);
  };
  if (small.size() > large.size())
    return fail();
  size_t offset = large.size() - small.size();
  for (auto [m, dim] : llvm::enumerate(small))
    if (dim != 1 && !dimsCompatible(dim, large[m + offset]))
      return fail();
  return success();
}

static bool shapesCompatible(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  return a.size() == b.size() &&
         llvm::all_of(llvm::zip(a, b), [](auto dims) {
           return dimsCompatible(std::get<0>(dims), std::get<1>(dims));
         });
}

/// A splat constant's value with the element type of `type`, when `type` is
/// static.
static Attribute reshapeSplat(Attribute attr, ShapedType type) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense || !dense.isSplat() || !type.hasStaticShape())
    return {};
  return DenseElementsAttr::get(type, dense.getSplatValue<Attribute>());
}

LogicalResult BroadcastOp::verify() {
  if (failed(verifySameElementType(*this)))
    return failure();
  return verifyBroadcastsTo(*this, getInput().getType().getShape(),
                            getType().getShape(), "input", "result");
}

OpFoldResult BroadcastOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return reshapeSplat(adaptor.getInput(), getType());
}

LogicalResult ReduceToShapeOp::verify() {
  if (failed(verifySameElementType(*this)))
    return failure();
  return verifyBroadcastsTo(*this, getType().getShape(),
                            getInput().getType().getShape(), "result",
                            "input");
}

OpFoldResult ReduceToShapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // The sum of k equal values is k times the value.
  auto dense = dyn_cast_or_null<DenseFPElementsAttr>(adaptor.getInput());
  RankedTensorType in = getInput().getType();
  RankedTensorType out = getType();
  if (!dense || !dense.isSplat() || !in.hasStaticShape() ||
      !out.hasStaticShape())
    return {};
  double count = static_cast<double>(in.getNumElements()) /
                 static_cast<double>(out.getNumElements());
  APFloat value(dense.getSplatValue<APFloat>().convertToDouble() * count);
  bool losesInfo;
  value.convert(cast<FloatType>(out.getElementType()).getFloatSemantics(),
                APFloat::rmNearestTiesToEven, &losesInfo);
  if (!value.isFinite())
    return {};
  return DenseElementsAttr::get(out, value);
}

//===----------------------------------------------------------------------===//
// Transpose
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::verify() {
  if (failed(verifySameElementType(*this)))
    return failure();
  ArrayRef<int64_t> perm = getPermutation();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  ArrayRef<int64_t> out = getType().getShape();
  if (perm.size() != in.size() || out.size() != in.size())
    return emitOpError("permutation of ")
           << perm.size() << " entries for input " << shapeString(in)
           << " and result " << shapeString(out)
           << ": all three must have the same rank";
  SmallVector<bool> seen(perm.size(), false);
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(perm.size()) || seen[p])
      return emitOpError("permutation must contain each of 0..")
             << perm.size() - 1 << " once";
    seen[p] = true;
  }
  SmallVector<int64_t> expected;
  for (int64_t p : perm)
    expected.push_back(in[p]);
  return verifyResultShape(*this, getType(), expected);
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPermutation();
  bool identity = llvm::all_of(llvm::enumerate(perm), [](auto entry) {
    return static_cast<int64_t>(entry.index()) == entry.value();
  });
  if (identity && getInput().getType() == getType())
    return getInput();
  if (Attribute splat = reshapeSplat(adaptor.getInput(), getType()))
    return splat;
  // transpose(transpose(x, p), q): result dim m is x's dim p[q[m]].
  if (auto inner = getInput().getDefiningOp<TransposeOp>()) {
    SmallVector<int64_t> composed;
    for (int64_t q : perm)
      composed.push_back(inner.getPermutation()[q]);
    getInputMutable().assign(inner.getInput());
    setPermutation(composed);
    bool composedIdentity =
        llvm::all_of(llvm::enumerate(composed), [](auto entry) {
          return static_cast<int64_t>(entry.index()) == entry.value();
        });
    if (composedIdentity && getInput().getType() == getType())
      return getInput();
    return getResult();
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Synapse tensor
//===----------------------------------------------------------------------===//

LogicalResult SynapseDenseGradOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getX(), "x", {2})) ||
      failed(verifyRank(*this, getBeta(), "beta", {2})))
    return failure();
  RankedTensorType x = getX().getType();
  ArrayRef<int64_t> beta = getBeta().getType().getShape();
  if (!dimsCompatible(beta[0], beta[1]) || !dimsCompatible(beta[1], x.getDimSize(1)))
    return emitOpError("beta must be n x n for x of ")
           << x.getDimSize(1) << " features, got " << shapeString(beta);
  for (auto [name, value] : {std::pair<StringRef, Value>{"y", getY()},
                             {"grad", getGrad()},
                             {"dx", getDx()}})
    if (!shapesCompatible(tensorType(value).getShape(), x.getShape()))
      return emitOpError() << name << " must have x's shape "
                           << shapeString(x.getShape()) << ", got "
                           << shapeString(tensorType(value).getShape());
  if (getDbeta().getType() != getBeta().getType())
    return emitOpError("dbeta must have beta's type ") << getBeta().getType();
  if (static_cast<bool>(getAlpha()) != static_cast<bool>(getDalpha()))
    return emitOpError("has a dalpha result exactly when alpha is given");
  if (Value alpha = getAlpha()) {
    if (failed(verifyVector(*this, alpha, "alpha", x.getDimSize(1),
                            "one gain per unit")))
      return failure();
    if (getDalpha().getType() != alpha.getType())
      return emitOpError("dalpha must have alpha's type ") << alpha.getType();
  }
  return success();
}

static std::optional<double> splatValue(Attribute attr) {
  auto dense = dyn_cast_or_null<DenseFPElementsAttr>(attr);
  if (!dense || !dense.isSplat())
    return std::nullopt;
  return dense.getSplatValue<APFloat>().convertToDouble();
}

static Attribute splatOf(Type type, double value) {
  auto shaped = cast<ShapedType>(type);
  if (!shaped.hasStaticShape() || !std::isfinite(value))
    return {};
  APFloat converted(value);
  bool losesInfo;
  converted.convert(
      cast<FloatType>(shaped.getElementType()).getFloatSemantics(),
      APFloat::rmNearestTiesToEven, &losesInfo);
  return DenseElementsAttr::get(shaped, converted);
}

/// With splat operands every sum in the formulas has equal terms: B of them
/// over the batch, n over the units.
LogicalResult
SynapseDenseGradOp::fold(FoldAdaptor adaptor,
                         SmallVectorImpl<OpFoldResult> &results) {
  std::optional<double> x = splatValue(adaptor.getX());
  std::optional<double> beta = splatValue(adaptor.getBeta());
  std::optional<double> alpha =
      getAlpha() ? splatValue(adaptor.getAlpha()) : std::optional(1.0);
  std::optional<double> y = splatValue(adaptor.getY());
  std::optional<double> g = splatValue(adaptor.getGrad());
  RankedTensorType xType = getX().getType();
  if (!x || !beta || !alpha || !y || !g || !xType.hasStaticShape())
    return failure();
  double batch = static_cast<double>(xType.getDimSize(0));
  double n = static_cast<double>(xType.getDimSize(1));
  double h = *g * *y;
  double r = 1.0 / (1.0 - *beta * *x);
  SmallVector<Attribute> attrs = {
      splatOf(getDx().getType(), h / *x - n * h * *beta * r),
      splatOf(getDbeta().getType(), -batch * h * *x * r)};
  if (getDalpha())
    attrs.push_back(splatOf(getDalpha().getType(), batch * h / *alpha));
  if (llvm::any_of(attrs, [](Attribute attr) { return !attr; }))
    return failure();
  results.append(attrs.begin(), attrs.end());
  return success();
}

//===----------------------------------------------------------------------===//
// Flip circuit
//===----------------------------------------------------------------------===//

LogicalResult FlipCircuitGradOp::verify() {
  if (failed(verifySameElementType(*this)))
    return failure();
  RankedTensorType state = getX0().getType();
  for (auto [name, value] : {std::pair<StringRef, Value>{"y0", getY0()},
                             {"grad_x", getGradX()},
                             {"grad_y", getGradY()},
                             {"dx0", getDx0()},
                             {"dy0", getDy0()}})
    if (value.getType() != state)
      return emitOpError() << name << " must have the state's type " << state
                           << ", got " << value.getType();
  Value params[] = {getAlpha1(), getAlpha2(), getBeta1(), getBeta2()};
  Value adjoints[] = {getDalpha1(), getDalpha2(), getDbeta1(), getDbeta2()};
  StringRef names[] = {"alpha1", "alpha2", "beta1", "beta2"};
  for (int i = 0; i < 4; ++i) {
    RankedTensorType type = tensorType(params[i]);
    if (type.getRank() != 0 && type != state)
      return emitOpError() << names[i]
                           << " must be a scalar tensor or have the state's "
                              "shape "
                           << shapeString(state.getShape());
    if (adjoints[i].getType() != type)
      return emitOpError() << "d" << names[i] << " must have " << names[i]
                           << "'s type " << type;
  }
  if (Value trajectory = getGradTrajectory()) {
    SmallVector<int64_t> expected = {static_cast<int64_t>(getSteps()) + 1, 2};
    llvm::append_range(expected, state.getShape());
    if (!shapesCompatible(tensorType(trajectory).getShape(), expected))
      return emitOpError("grad_trajectory must have shape ")
             << shapeString(expected) << ", got "
             << shapeString(tensorType(trajectory).getShape());
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

static LogicalResult verifyStaticDims(Operation *op, RankedTensorType type,
                                      StringRef name) {
  if (type.isDynamicDim(2) || type.isDynamicDim(3))
    return op->emitOpError()
           << name << " needs static spatial dimensions, got "
           << shapeString(type.getShape());
  return success();
}

/// The forward convolution of `input` by `weight` must give `output`.
static LogicalResult verifyConvolutionShapes(Operation *op,
                                             RankedTensorType input,
                                             RankedTensorType weight,
                                             RankedTensorType output,
                                             ArrayRef<int64_t> strides,
                                             ArrayRef<int64_t> padding) {
  ArrayRef<int64_t> x = input.getShape(), w = weight.getShape();
  if (!dimsCompatible(x[1], w[1]))
    return op->emitOpError("input has ")
           << x[1] << " channels but the weight " << shapeString(w)
           << " expects " << w[1];
  FailureOr<SmallVector<int64_t>> expected =
      windowedShape(op, x, w[0], w.drop_front(2), strides, padding);
  if (failed(expected))
    return failure();
  if (!shapesCompatible(output.getShape(), *expected))
    return op->emitOpError("grad shape ")
           << shapeString(output.getShape())
           << " should be the forward result shape " << shapeString(*expected);
  return success();
}

LogicalResult Conv2DInputGradOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getGrad(), "grad (NCHW)", {4})) ||
      failed(verifyRank(*this, getWeight(), "weight (OCHW)", {4})) ||
      failed(verifyRank(*this, getResult(), "result (NCHW)", {4})) ||
      failed(verifyWindowAttr(*this, "strides", getStrides(), 1)) ||
      failed(verifyWindowAttr(*this, "padding", getPadding(), 0)) ||
      failed(verifyStaticDims(*this, getType(), "the result")))
    return failure();
  return verifyConvolutionShapes(*this, getType(), getWeight().getType(),
                                 getGrad().getType(), getStrides(),
                                 getPadding());
}

LogicalResult Conv2DWeightGradOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input (NCHW)", {4})) ||
      failed(verifyRank(*this, getGrad(), "grad (NCHW)", {4})) ||
      failed(verifyRank(*this, getResult(), "result (OCHW)", {4})) ||
      failed(verifyWindowAttr(*this, "strides", getStrides(), 1)) ||
      failed(verifyWindowAttr(*this, "padding", getPadding(), 0)) ||
      failed(verifyStaticDims(*this, getType(), "the result")))
    return failure();
  return verifyConvolutionShapes(*this, getInput().getType(), getType(),
                                 getGrad().getType(), getStrides(),
                                 getPadding());
}

LogicalResult MaxPool2DGradOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input (NCHW)", {4})) ||
      failed(verifyWindowAttr(*this, "kernel", getKernel(), 1)) ||
      failed(verifyWindowAttr(*this, "strides", getEffectiveStrides(), 1)))
    return failure();
  if (getType() != getInput().getType())
    return emitOpError("result must have the input's type ")
           << getInput().getType();
  ArrayRef<int64_t> x = getInput().getType().getShape();
  FailureOr<SmallVector<int64_t>> expected = windowedShape(
      *this, x, x[1], getKernel(), getEffectiveStrides(), {0, 0});
  if (failed(expected))
    return failure();
  if (!shapesCompatible(getGrad().getType().getShape(), *expected))
    return emitOpError("grad shape ")
           << shapeString(getGrad().getType().getShape())
           << " should be the forward result shape " << shapeString(*expected);
  return success();
}

//===----------------------------------------------------------------------===//
// Batch normalisation and loss
//===----------------------------------------------------------------------===//

LogicalResult BatchNormGradOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input", {2, 4})))
    return failure();
  if (failed(verifyVector(*this, getScale(), "scale",
                          getInput().getType().getDimSize(1),
                          "one per channel")))
    return failure();
  if (!(getEpsilon().convertToDouble() > 0.0))
    return emitOpError("epsilon must be positive");
  return success();
}

LogicalResult NllLossGradOp::verify() {
  if (failed(verifyRank(*this, getInput(), "input", {2})) ||
      failed(verifyRank(*this, getLabels(), "labels", {1})))
    return failure();
  int64_t batch = getInput().getType().getDimSize(0);
  int64_t labels = getLabels().getType().getDimSize(0);
  if (!dimsCompatible(batch, labels))
    return emitOpError("batch of ")
           << batch << " samples has " << labels << " labels";
  RankedTensorType grad = getGrad().getType();
  if (grad.getRank() != 0 ||
      grad.getElementType() != getInput().getType().getElementType())
    return emitOpError("grad must be a scalar tensor of ")
           << getInput().getType().getElementType() << ", got " << grad;
  return success();
}
