//===- ArithVjp.cpp - vector-Jacobian rules for upstream ops --------------===//
//
// Graphs mix syna ops with plain arithmetic (a surprisal synapse is
// ᾱ + x̄ + conjugate(ȳ + β̄)), so syna-autodiff differentiates the common
// float arith/math ops too. Their rules are external models of
// SynaDifferentiableOpInterface, attached when the dialect loads.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/DialectRegistry.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Dialect/Syna/IR/SynaVjpBuilders.h"

using namespace mlir;
using namespace syna;

namespace {

// c = a + b:  da = g, db = g
void buildRule(arith::AddFOp, OpBuilder &, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  in.append({adj[0], adj[0]});
}

// c = a − b:  da = g, db = −g
void buildRule(arith::SubFOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  in.append({adj[0], arith::NegFOp::create(b, op.getLoc(), adj[0])});
}

// c = a·b:  da = g·b, db = g·a
void buildRule(arith::MulFOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  in.push_back(arith::MulFOp::create(b, op.getLoc(), adj[0], op.getRhs()));
  in.push_back(arith::MulFOp::create(b, op.getLoc(), adj[0], op.getLhs()));
}

// c = a/b:  da = g/b, db = −g·a/b² = −(g·c)/b
void buildRule(arith::DivFOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  Location loc = op.getLoc();
  in.push_back(arith::DivFOp::create(b, loc, adj[0], op.getRhs()));
  Value gc = arith::MulFOp::create(b, loc, adj[0], op.getResult());
  in.push_back(arith::NegFOp::create(
      b, loc, arith::DivFOp::create(b, loc, gc, op.getRhs())));
}

// c = −a:  da = −g
void buildRule(arith::NegFOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  in.push_back(arith::NegFOp::create(b, op.getLoc(), adj[0]));
}

// c = cond ? t : f:  dt = cond ? g : 0, df = cond ? 0 : g (cond has none)
void buildRule(arith::SelectOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  Location loc = op.getLoc();
  Value zero = buildSplatLike(b, loc, adj[0], 0.0);
  in.push_back(Value());
  in.push_back(
      arith::SelectOp::create(b, loc, op.getCondition(), adj[0], zero));
  in.push_back(
      arith::SelectOp::create(b, loc, op.getCondition(), zero, adj[0]));
}

// c = e^a:  da = g·c
void buildRule(math::ExpOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  in.push_back(arith::MulFOp::create(b, op.getLoc(), adj[0], op.getResult()));
}

// c = log a:  da = g/a
void buildRule(math::LogOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  in.push_back(arith::DivFOp::create(b, op.getLoc(), adj[0], op.getOperand()));
}

// c = √a:  da = g/(2c)
void buildRule(math::SqrtOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  Location loc = op.getLoc();
  Value twice = arith::AddFOp::create(b, loc, op.getResult(), op.getResult());
  in.push_back(arith::DivFOp::create(b, loc, adj[0], twice));
}

// c = tanh a:  da = g·(1 − c²)
void buildRule(math::TanhOp op, OpBuilder &b, ValueRange adj,
               SmallVectorImpl<Value> &in) {
  Location loc = op.getLoc();
  Value one = buildSplatLike(b, loc, op.getResult(), 1.0);
  Value square = arith::MulFOp::create(b, loc, op.getResult(), op.getResult());
  in.push_back(arith::MulFOp::create(
      b, loc, adj[0], arith::SubFOp::create(b, loc, one, square)));
}

template <typename OpT>
struct UpstreamVjpModel
    : SynaDifferentiableOpInterface::ExternalModel<UpstreamVjpModel<OpT>,
                                                   OpT> {
  LogicalResult buildVjp(Operation *op, OpBuilder &builder,
                         ValueRange resultAdjoints,
                         SmallVectorImpl<Value> &inputAdjoints) const {
    buildRule(cast<OpT>(op), builder, resultAdjoints, inputAdjoints);
    return success();
  }
};

template <typename... Ops>
void attach(MLIRContext *context) {
  (Ops::template attachInterface<UpstreamVjpModel<Ops>>(*context), ...);
}

} // namespace

void ::syna::registerUpstreamVjpModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *context, arith::ArithDialect *) {
    attach<arith::AddFOp, arith::SubFOp, arith::MulFOp, arith::DivFOp,
           arith::NegFOp, arith::SelectOp>(context);
  });
  registry.addExtension(+[](MLIRContext *context, math::MathDialect *) {
    attach<math::ExpOp, math::LogOp, math::SqrtOp, math::TanhOp>(context);
  });
}
