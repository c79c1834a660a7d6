//===- ModelSteps.cpp - what the train, eval and predict steps share ------===//
#include "ModelSteps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

#include <cmath>

using namespace mlir;
using utils::IteratorType;

namespace syna {

RankedTensorType labelsType(MLIRContext *context) {
  return RankedTensorType::get({ShapedType::kDynamic},
                               IntegerType::get(context, 32));
}

Value cloneGraphBody(OpBuilder &builder, func::FuncOp graph, Value x,
                     Value key) {
  Block &body = graph.getBody().front();
  IRMapping map;
  map.map(body.getArgument(0), x);
  if (body.getNumArguments() > 1)
    map.map(body.getArgument(1), key);
  for (Operation &op : body.without_terminator())
    builder.clone(op, map);
  return map.lookup(body.getTerminator()->getOperand(0));
}

Value buildLoss(OpBuilder &builder, Location loc, LossKind loss, Value scores,
                Value labels, Reduction reduction) {
  auto type = RankedTensorType::get({}, tensorType(scores).getElementType());
  auto attr = ReductionAttr::get(builder.getContext(), reduction);
  switch (loss) {
  case LossKind::Nll:
    return NllLossOp::create(builder, loc, type, scores, labels, attr);
  case LossKind::CrossEntropy:
    return CrossEntropyOp::create(builder, loc, type, scores, labels, attr);
  }
  return {};
}

/// A tensor [B] (the batch extent of `like`) filled with `value`.
static Value filledBatchVector(OpBuilder &builder, Location loc, Value like,
                               Type elementType, TypedAttr value) {
  SmallVector<Value> dynamic;
  if (tensorType(like).isDynamicDim(0))
    dynamic.push_back(tensor::DimOp::create(builder, loc, like, 0));
  Value empty = tensor::EmptyOp::create(
      builder, loc, ArrayRef<int64_t>{tensorType(like).getDimSize(0)},
      elementType, dynamic);
  Value constant = arith::ConstantOp::create(builder, loc, value);
  return linalg::FillOp::create(builder, loc, constant, empty).getResult(0);
}

std::pair<Value, Value> buildRowMaxAndArgmax(OpBuilder &builder, Location loc,
                                             Value values) {
  MLIRContext *ctx = builder.getContext();
  Type elementType = tensorType(values).getElementType();
  Type i64 = builder.getI64Type();
  Value maxInit = filledBatchVector(
      builder, loc, values, elementType,
      builder.getFloatAttr(elementType, -INFINITY));
  Value indexInit = filledBatchVector(builder, loc, values, i64,
                                      builder.getI64IntegerAttr(0));
  AffineMap rows = AffineMap::get(2, 0, {getAffineDimExpr(0, ctx)}, ctx);
  auto generic = linalg::GenericOp::create(
      builder, loc, TypeRange{maxInit.getType(), indexInit.getType()},
      ValueRange{values}, ValueRange{maxInit, indexInit},
      {AffineMap::getMultiDimIdentityMap(2, ctx), rows, rows},
      {IteratorType::parallel, IteratorType::reduction},
      [&](OpBuilder &b, Location l, ValueRange args) {
        // Strictly greater: the first of equal maxima wins, as in PyTorch.
        Value greater = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                              args[0], args[1]);
        Value column = arith::IndexCastOp::create(
            b, l, b.getI64Type(), linalg::IndexOp::create(b, l, 1));
        linalg::YieldOp::create(
            b, l,
            ValueRange{arith::SelectOp::create(b, l, greater, args[0], args[1]),
                       arith::SelectOp::create(b, l, greater, column,
                                               args[2])});
      });
  return {generic.getResult(0), generic.getResult(1)};
}

Value buildCorrectCount(OpBuilder &builder, Location loc, Value scores,
                        Value labels) {
  MLIRContext *ctx = builder.getContext();
  Value predicted = buildRowMaxAndArgmax(builder, loc, scores).second;
  Type i64 = builder.getI64Type();
  Value zero = arith::ConstantOp::create(builder, loc, builder.getI64IntegerAttr(0));
  Value empty = tensor::EmptyOp::create(builder, loc, ArrayRef<int64_t>{}, i64);
  Value init = linalg::FillOp::create(builder, loc, zero, empty).getResult(0);
  AffineMap identity = AffineMap::getMultiDimIdentityMap(1, ctx);
  AffineMap scalar = AffineMap::get(1, 0, {}, ctx);
  return linalg::GenericOp::create(
             builder, loc, TypeRange{init.getType()},
             ValueRange{predicted, labels}, ValueRange{init},
             {identity, identity, scalar}, {IteratorType::reduction},
             [&](OpBuilder &b, Location l, ValueRange args) {
               Value label = args[1];
               if (label.getType() != b.getI64Type())
                 label = arith::ExtSIOp::create(b, l, b.getI64Type(), label);
               Value hit = arith::CmpIOp::create(
                   b, l, arith::CmpIPredicate::eq, args[0], label);
               Value one = arith::ExtUIOp::create(b, l, b.getI64Type(), hit);
               linalg::YieldOp::create(
                   b, l, ValueRange{arith::AddIOp::create(b, l, args[2], one)});
             })
      .getResult(0);
}

FailureOr<ModelSpec> readModel(ModuleOp module, StringRef pass) {
  auto model = module->getAttrOfType<ModelAttr>(kModelAttrName);
  if (!model)
    return module.emitError(pass)
           << ": the module has no syna.model attribute (a .syna file with "
              "a `model` block)";
  return model.getSpec();
}

} // namespace syna
