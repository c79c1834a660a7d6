//===- Import.cpp - importing checked .syna trees into the syna dialect ---===//
#include "syna/Frontend/Import.h"

#include "ImportImpl.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Frontend/Sema.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace syna::frontend;
using syna::Dim;
using syna::DType;

namespace {

class Importer {
public:
  Importer(const SourceFile &file, mlir::MLIRContext &context)
      : context_(context), builder_(&context),
        fileName_(mlir::StringAttr::get(&context, file.name())) {}

  mlir::OwningOpRef<mlir::ModuleOp> run(const Module &module);

private:
  mlir::Location loc(Loc l) {
    return mlir::FileLineColLoc::get(fileName_, l.line, l.col);
  }
  mlir::Type mlirType(const Type &type);

  void importParam(const ParamDecl &param);
  void importFunction(const FunctionDecl &function);
  /// Records the dimension names of the arguments (kDimNamesAttrName).
  void setDimNames(mlir::func::FuncOp func, const std::vector<Type> &argTypes,
                   const std::vector<Type> &resultTypes);
  void importGraphBody(const FunctionDecl &function);
  void importCircuitBody(const FunctionDecl &function);
  bool importFlipCircuit(const FunctionDecl &function,
                         llvm::ArrayRef<mlir::Value> initial);
  void importLet(const LetStmt &let);

  mlir::Value emit(const Expr &expr);
  std::vector<mlir::Value> emitCall(const CallExpr &call);
  mlir::Value emitOp(const CallExpr &call, std::vector<mlir::Value> &results);
  mlir::Value emitBinary(const BinaryExpr &binary);
  /// Builds a constant of its coerced type; `like` supplies the sizes of
  /// dynamic dimensions.
  mlir::Value materialize(const Expr &expr, mlir::Value like = {});
  mlir::Value cast(mlir::Value value, mlir::Type type, mlir::Location at);
  /// Stands in for a value that a checked tree cannot lack: reports an
  /// internal error, so that the module fails verification, not the process.
  mlir::Value placeholder(Loc at);
  /// A scalar tensor operand of arithmetic, splat to the other's shape.
  mlir::Value splatScalar(mlir::Value value, mlir::Value like,
                          mlir::Location at);

  mlir::MLIRContext &context_;
  mlir::OpBuilder builder_;
  mlir::StringAttr fileName_;
  std::map<const Binding *, mlir::Value> values_;
  /// Set when an internal error was reported: the module is not returned.
  bool failed_ = false;
};

mlir::Type Importer::mlirType(const Type &type) {
  mlir::Type elem;
  switch (type.elem) {
  case DType::F32: elem = builder_.getF32Type(); break;
  case DType::F64: elem = builder_.getF64Type(); break;
  case DType::I32: elem = builder_.getI32Type(); break;
  case DType::I64: elem = builder_.getI64Type(); break;
  }
  if (type.kind == Type::Key)
    return builder_.getI64Type();
  llvm::SmallVector<int64_t> shape;
  for (const Dim &dim : type.dims)
    shape.push_back(dim.isStatic() ? dim.size : mlir::ShapedType::kDynamic);
  return mlir::RankedTensorType::get(shape, elem);
}

mlir::OwningOpRef<mlir::ModuleOp> Importer::run(const Module &module) {
  mlir::OwningOpRef<mlir::ModuleOp> result =
      mlir::ModuleOp::create(loc({1, 1}));
  builder_.setInsertionPointToEnd(result->getBody());
  for (const DeclPtr &decl : module.decls) {
    builder_.setInsertionPointToEnd(result->getBody());
    if (auto *param = dynamic_cast<const ParamDecl *>(decl.get()))
      importParam(*param);
    else if (auto *function = dynamic_cast<const FunctionDecl *>(decl.get()))
      importFunction(*function);
    else if (auto *model = dynamic_cast<const ModelDecl *>(decl.get()))
      (*result)->setAttr(::syna::kModelAttrName,
                         importModelSpec(*model, context_));
  }
  if (failed_)
    return nullptr;
  return result;
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

void Importer::importParam(const ParamDecl &param) {
  std::optional<::syna::InitKind> kind =
      ::syna::symbolizeInitKind(param.init.name);
  std::optional<::syna::Domain> domain =
      ::syna::symbolizeDomain(param.domainName);
  // Sema accepts exactly the dialect's spellings and argument rules; anything
  // else is our bug, reported as an internal error instead of a crash.
  mlir::DenseF64ArrayAttr args = builder_.getDenseF64ArrayAttr(param.initValues);
  auto emitError = [&] {
    failed_ = true;
    return mlir::emitError(loc(param.init.loc), "internal error: ");
  };
  if (!kind || failed(::syna::InitializerAttr::verify(emitError, *kind, args)))
    return;
  auto init = ::syna::InitializerAttr::get(&context_, *kind, args);
  auto op = ::syna::ParamOp::create(
      builder_, loc(param.name.loc), param.name.name,
      llvm::cast<mlir::RankedTensorType>(mlirType(param.resolved)), init,
      domain.value_or(::syna::Domain::Real));
  if (param.isBuffer)
    op.setBuffer(true);
}

void Importer::setDimNames(mlir::func::FuncOp func,
                           const std::vector<Type> &argTypes,
                           const std::vector<Type> &resultTypes) {
  auto namesOf = [&](const std::vector<Type> &types, bool &named) {
    llvm::SmallVector<mlir::Attribute> perValue;
    for (const Type &type : types) {
      llvm::SmallVector<mlir::Attribute> names;
      if (type.isTensor())
        for (const ::syna::Dim &dim : type.dims) {
          names.push_back(builder_.getStringAttr(dim.name));
          named |= dim.isNamed();
        }
      perValue.push_back(builder_.getArrayAttr(names));
    }
    return builder_.getArrayAttr(perValue);
  };
  bool argsNamed = false, resultsNamed = false;
  mlir::ArrayAttr args = namesOf(argTypes, argsNamed);
  mlir::ArrayAttr results = namesOf(resultTypes, resultsNamed);
  if (argsNamed)
    func->setAttr(::syna::kDimNamesAttrName, args);
  if (resultsNamed)
    func->setAttr(::syna::kResultDimNamesAttrName, results);
}

void Importer::importFunction(const FunctionDecl &function) {
  llvm::SmallVector<mlir::Type> args, results;
  for (const Type &type : function.argTypes)
    args.push_back(mlirType(type));
  for (const Type &type : function.resultTypes)
    results.push_back(mlirType(type));
  auto func = mlir::func::FuncOp::create(
      builder_, loc(function.name.loc), function.name.name,
      builder_.getFunctionType(args, results));
  setDimNames(func, function.argTypes, function.resultTypes);
  mlir::Block *entry = func.addEntryBlock();
  values_.clear();
  for (const std::unique_ptr<Binding> &binding : function.bindings)
    if (binding->kind == Binding::Arg) {
      mlir::BlockArgument arg = entry->getArgument(binding->index);
      // The argument's name travels as a NameLoc: syna-run's named inputs
      // and syna-compile's C parameters use it (argumentNames, Signature.h).
      arg.setLoc(mlir::NameLoc::get(builder_.getStringAttr(binding->name),
                                    loc(binding->loc)));
      values_[binding.get()] = arg;
    }
  mlir::OpBuilder::InsertionGuard guard(builder_);
  builder_.setInsertionPointToStart(entry);
  if (function.isCircuit)
    importCircuitBody(function);
  else
    importGraphBody(function);
}

void Importer::importLet(const LetStmt &let) {
  if (let.names.size() == 1) {
    // Constants are built where they are used, in the type they need there.
    if (let.bindings[0] && !let.value->type.isNumber())
      values_[let.bindings[0]] = emit(*let.value);
    return;
  }
  std::vector<mlir::Value> results =
      emitCall(static_cast<const CallExpr &>(*let.value));
  for (size_t i = 0; i < let.bindings.size() && i < results.size(); ++i)
    if (let.bindings[i])
      values_[let.bindings[i]] = results[i];
}

void Importer::importGraphBody(const FunctionDecl &function) {
  for (const StmtPtr &stmt : function.body) {
    if (stmt->kind == StmtKind::Let) {
      importLet(static_cast<const LetStmt &>(*stmt));
      continue;
    }
    if (stmt->kind != StmtKind::Return)
      continue;
    auto &ret = static_cast<const ReturnStmt &>(*stmt);
    llvm::SmallVector<mlir::Value> values;
    for (size_t i = 0; i < ret.values.size(); ++i)
      values.push_back(cast(emit(*ret.values[i]),
                            mlirType(function.resultTypes[i]),
                            loc(ret.values[i]->loc)));
    mlir::func::ReturnOp::create(builder_, loc(ret.loc), values);
    return;
  }
}

void Importer::importCircuitBody(const FunctionDecl &function) {
  llvm::SmallVector<mlir::Value> initial;
  for (const StateStmt *state : function.states)
    initial.push_back(cast(emit(*state->init),
                           mlirType(state->binding->type),
                           loc(state->init->loc)));
  if (importFlipCircuit(function, initial))
    return;

  mlir::Location stepsLoc = loc(function.stepsLoc);
  mlir::Value lower = mlir::arith::ConstantIndexOp::create(builder_, stepsLoc, 0);
  mlir::Value upper =
      mlir::arith::ConstantIndexOp::create(builder_, stepsLoc, function.steps);
  mlir::Value step = mlir::arith::ConstantIndexOp::create(builder_, stepsLoc, 1);
  auto loop = mlir::scf::ForOp::create(builder_, loc(function.name.loc), lower,
                                       upper, step, initial);
  {
    mlir::OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(loop.getBody());
    for (const StateStmt *state : function.states)
      values_[state->binding] = loop.getRegionIterArgs()[state->binding->index];
    // Every step equation reads the current state: x' and y' update together.
    llvm::SmallVector<mlir::Value> next(initial.size());
    for (const StmtPtr &stmt : function.body) {
      if (stmt->kind == StmtKind::Let) {
        importLet(static_cast<const LetStmt &>(*stmt));
      } else if (stmt->kind == StmtKind::Update) {
        auto &update = static_cast<const UpdateStmt &>(*stmt);
        next[update.state->index] =
            cast(emit(*update.value), mlirType(update.state->type),
                 loc(update.value->loc));
      }
    }
    mlir::scf::YieldOp::create(builder_, loc(function.closeLoc), next);
  }
  mlir::func::ReturnOp::create(builder_, loc(function.closeLoc),
                               loop.getResults());
}

/// Whether `expr` reads one of the circuit's state variables.
static bool readsState(const Expr *expr) {
  if (!expr)
    return false;
  switch (expr->kind) {
  case ExprKind::Name: {
    const Binding *binding = static_cast<const NameExpr *>(expr)->binding;
    return binding && binding->kind == Binding::State;
  }
  case ExprKind::Call:
    for (const CallArg &arg : static_cast<const CallExpr *>(expr)->args)
      if (readsState(arg.value.get()))
        return true;
    return false;
  case ExprKind::Unary:
    return readsState(static_cast<const UnaryExpr *>(expr)->operand.get());
  case ExprKind::Binary:
    return readsState(static_cast<const BinaryExpr *>(expr)->lhs.get()) ||
           readsState(static_cast<const BinaryExpr *>(expr)->rhs.get());
  case ExprKind::List:
    for (const ExprPtr &element : static_cast<const ListExpr *>(expr)->elements)
      if (readsState(element.get()))
        return true;
    return false;
  default:
    return false;
  }
}

/// A circuit that is literally the flip circuit of docs/math.md §6,
///   x' = synapse(x, y, beta1, alpha = alpha1)
///   y' = synapse(x, y, beta2, alpha = alpha2)
/// with loop-invariant parameters that are scalars or have the state's type,
/// becomes one syna.flip_circuit, which the dialect folds and lowers as a
/// unit. Any other circuit becomes an scf.for.
bool Importer::importFlipCircuit(const FunctionDecl &function,
                                 llvm::ArrayRef<mlir::Value> initial) {
  if (function.states.size() != 2 || function.body.size() != 4)
    return false;
  const UpdateStmt *updates[2] = {nullptr, nullptr};
  const Binding *excitatory = nullptr, *inhibitory = nullptr;
  for (const StmtPtr &stmt : function.body) {
    if (stmt->kind == StmtKind::State)
      continue;
    if (stmt->kind != StmtKind::Update)
      return false;
    auto &update = static_cast<const UpdateStmt &>(*stmt);
    auto *call = as<CallExpr>(const_cast<Expr *>(update.value.get()));
    if (!call || !call->op || call->op->name != "synapse")
      return false;
    auto *x = as<NameExpr>(call->bound[0]);
    auto *y = as<NameExpr>(call->bound[1]);
    if (!x || !y || !x->binding || !y->binding ||
        x->binding->kind != Binding::State ||
        y->binding->kind != Binding::State || x->binding == y->binding)
      return false;
    if ((excitatory && excitatory != x->binding) ||
        (inhibitory && inhibitory != y->binding))
      return false;
    excitatory = x->binding;
    inhibitory = y->binding;
    if (readsState(call->bound[2]) || readsState(call->bound[3]))
      return false;
    updates[update.state == excitatory ? 0 : 1] = &update;
  }
  if (!updates[0] || !updates[1] || updates[0] == updates[1])
    return false;
  mlir::Type stateType = mlirType(excitatory->type);
  if (stateType != mlirType(inhibitory->type))
    return false;
  for (const UpdateStmt *update : updates) {
    auto *call = static_cast<const CallExpr *>(update->value.get());
    for (size_t i : {2, 3}) {
      const Expr *param = call->bound[i];
      if (!param)
        continue;
      const Type &type = param->type.isNumber() ? param->coerced : param->type;
      if (type.rank() != 0 && !compatible(type, excitatory->type))
        return false;
    }
  }

  auto operand = [&](const UpdateStmt *update, size_t i) -> mlir::Value {
    auto *call = static_cast<const CallExpr *>(update->value.get());
    mlir::Location at = loc(call->callee.loc);
    if (!call->bound[i]) { // no alpha: the gain is 1
      auto elem = llvm::cast<mlir::RankedTensorType>(stateType).getElementType();
      auto type = mlir::RankedTensorType::get({}, elem);
      return mlir::arith::ConstantOp::create(
          builder_, at, type,
          mlir::DenseElementsAttr::get(type, builder_.getFloatAttr(elem, 1.0)));
    }
    mlir::Value value = emit(*call->bound[i]);
    auto type = llvm::cast<mlir::RankedTensorType>(value.getType());
    return type.getRank() == 0 ? value : cast(value, stateType, at);
  };
  mlir::Value alpha1 = operand(updates[0], 3), beta1 = operand(updates[0], 2);
  mlir::Value alpha2 = operand(updates[1], 3), beta2 = operand(updates[1], 2);
  auto flip = ::syna::FlipCircuitOp::create(
      builder_, loc(function.name.loc), stateType, stateType, mlir::Type(),
      initial[excitatory->index], initial[inhibitory->index], alpha1, alpha2,
      beta1, beta2, static_cast<uint64_t>(function.steps));
  llvm::SmallVector<mlir::Value> results(2);
  results[excitatory->index] = flip.getX();
  results[inhibitory->index] = flip.getY();
  mlir::func::ReturnOp::create(builder_, loc(function.closeLoc), results);
  return true;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

mlir::Value Importer::cast(mlir::Value value, mlir::Type type,
                           mlir::Location at) {
  if (value.getType() == type || !llvm::isa<mlir::RankedTensorType>(type) ||
      !llvm::isa<mlir::RankedTensorType>(value.getType()))
    return value;
  // Only refines or forgets static sizes: Sema checked compatibility.
  return mlir::tensor::CastOp::create(builder_, at, type, value);
}

mlir::Value Importer::materialize(const Expr &expr, mlir::Value like) {
  mlir::Location at = loc(expr.loc);
  const Type &target = expr.coerced;
  double value = expr.type.number;
  if (target.kind == Type::Key)
    return mlir::arith::ConstantOp::create(
        builder_, at, builder_.getI64IntegerAttr(static_cast<int64_t>(value)));
  // A constant that Sema did not coerce is a front-end bug; build an f32
  // scalar so that verification reports it.
  Type fallback = Type::tensor(DType::F32, {});
  auto type = llvm::cast<mlir::RankedTensorType>(
      mlirType(target.isFloatTensor() ? target : fallback));
  mlir::Type elem = type.getElementType();
  mlir::FloatAttr scalar = builder_.getFloatAttr(elem, value);
  if (type.hasStaticShape())
    return mlir::arith::ConstantOp::create(
        builder_, at, type, mlir::DenseElementsAttr::get(type, scalar));
  // Dynamic sizes come from the other operand of the arithmetic.
  llvm::SmallVector<mlir::Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d)) {
      mlir::Value index = mlir::arith::ConstantIndexOp::create(builder_, at, d);
      sizes.push_back(mlir::tensor::DimOp::create(builder_, at, like, index));
    }
  mlir::Value element =
      mlir::arith::ConstantOp::create(builder_, at, elem, scalar);
  return mlir::tensor::SplatOp::create(builder_, at, element, type, sizes);
}

mlir::Value Importer::emit(const Expr &expr) {
  if (expr.type.isNumber())
    return materialize(expr);
  switch (expr.kind) {
  case ExprKind::Name: {
    auto &name = static_cast<const NameExpr &>(expr);
    if (name.binding && name.binding->kind == Binding::Param)
      return ::syna::ParamRefOp::create(builder_, loc(name.loc),
                                         mlirType(name.binding->type),
                                         name.binding->name);
    auto it = values_.find(name.binding);
    if (it != values_.end() && it->second)
      return it->second;
    break;
  }
  case ExprKind::Call: {
    std::vector<mlir::Value> results =
        emitCall(static_cast<const CallExpr &>(expr));
    if (!results.empty() && results[0])
      return results[0];
    break;
  }
  case ExprKind::Unary: {
    auto &unary = static_cast<const UnaryExpr &>(expr);
    mlir::Value operand = emit(*unary.operand);
    mlir::Location at = loc(unary.loc);
    if (expr.type.kind == Type::Key) {
      mlir::Value zero = mlir::arith::ConstantOp::create(
          builder_, at, builder_.getI64IntegerAttr(0));
      return mlir::arith::SubIOp::create(builder_, at, zero, operand);
    }
    return mlir::arith::NegFOp::create(builder_, at, operand);
  }
  case ExprKind::Binary:
    return emitBinary(static_cast<const BinaryExpr &>(expr));
  default:
    break;
  }
  return placeholder(expr.loc);
}

mlir::Value Importer::placeholder(Loc at) {
  failed_ = true;
  mlir::emitError(loc(at), "internal error: cannot import this expression");
  auto type = mlir::RankedTensorType::get({}, builder_.getF32Type());
  return mlir::arith::ConstantOp::create(
      builder_, loc(at), type,
      mlir::DenseElementsAttr::get(type, builder_.getF32FloatAttr(0)));
}

mlir::Value Importer::splatScalar(mlir::Value value, mlir::Value like,
                                  mlir::Location at) {
  auto type = llvm::cast<mlir::RankedTensorType>(value.getType());
  auto target = llvm::cast<mlir::RankedTensorType>(like.getType());
  if (type.getRank() != 0 || target.getRank() == 0)
    return value;
  llvm::SmallVector<mlir::Value> sizes;
  for (int64_t d = 0; d < target.getRank(); ++d)
    if (target.isDynamicDim(d)) {
      mlir::Value index = mlir::arith::ConstantIndexOp::create(builder_, at, d);
      sizes.push_back(mlir::tensor::DimOp::create(builder_, at, like, index));
    }
  mlir::Value scalar =
      mlir::tensor::ExtractOp::create(builder_, at, value, mlir::ValueRange());
  return mlir::tensor::SplatOp::create(
      builder_, at, scalar,
      mlir::RankedTensorType::get(target.getShape(), type.getElementType()),
      sizes);
}

mlir::Value Importer::emitBinary(const BinaryExpr &binary) {
  mlir::Location at = loc(binary.loc);
  mlir::Value lhs, rhs;
  // A constant operand takes its dynamic sizes from the other operand.
  if (binary.lhs->type.isNumber()) {
    rhs = emit(*binary.rhs);
    lhs = materialize(*binary.lhs, rhs);
  } else {
    lhs = emit(*binary.lhs);
    rhs = binary.rhs->type.isNumber() ? materialize(*binary.rhs, lhs)
                                      : emit(*binary.rhs);
  }
  if (binary.type.kind == Type::Key) {
    switch (binary.op) {
    case '+': return mlir::arith::AddIOp::create(builder_, at, lhs, rhs);
    case '-': return mlir::arith::SubIOp::create(builder_, at, lhs, rhs);
    default: return mlir::arith::MulIOp::create(builder_, at, lhs, rhs);
    }
  }
  mlir::Type type = mlirType(binary.type);
  lhs = cast(splatScalar(lhs, rhs, at), type, at);
  rhs = cast(splatScalar(rhs, lhs, at), type, at);
  switch (binary.op) {
  case '+': return mlir::arith::AddFOp::create(builder_, at, lhs, rhs);
  case '-': return mlir::arith::SubFOp::create(builder_, at, lhs, rhs);
  case '*': return mlir::arith::MulFOp::create(builder_, at, lhs, rhs);
  default: return mlir::arith::DivFOp::create(builder_, at, lhs, rhs);
  }
}

std::vector<mlir::Value> Importer::emitCall(const CallExpr &call) {
  mlir::Location at = loc(call.callee.loc);
  if (const FunctionDecl *callee = call.function) {
    llvm::SmallVector<mlir::Value> args;
    for (size_t i = 0; i < call.bound.size() && i < callee->argTypes.size(); ++i)
      args.push_back(cast(emit(*call.bound[i]), mlirType(callee->argTypes[i]),
                          loc(call.bound[i]->loc)));
    llvm::SmallVector<mlir::Type> resultTypes;
    for (const Type &type : callee->resultTypes)
      resultTypes.push_back(mlirType(type));
    auto op = mlir::func::CallOp::create(builder_, at, callee->name.name,
                                         resultTypes, args);
    std::vector<mlir::Value> results;
    for (size_t i = 0; i < op.getNumResults(); ++i)
      results.push_back(i < call.results.size()
                            ? cast(op.getResult(i), mlirType(call.results[i]), at)
                            : op.getResult(i));
    return results;
  }
  std::vector<mlir::Value> results;
  emitOp(call, results);
  return results;
}

mlir::Value Importer::emitOp(const CallExpr &call,
                             std::vector<mlir::Value> &results) {
  mlir::Location at = loc(call.callee.loc);
  if (!call.op || call.results.empty()) {
    results.push_back(placeholder(call.loc));
    return results.back();
  }
  std::vector<mlir::Value> operands(call.bound.size());
  for (size_t i = 0; i < call.bound.size(); ++i)
    if (call.bound[i] && call.op->isOperand(i))
      operands[i] = emit(*call.bound[i]);
  llvm::SmallVector<mlir::Type> types;
  for (const Type &type : call.results)
    types.push_back(mlirType(type));
  mlir::Operation *op = ::syna::buildBuiltinOp(
      call.op->opName, builder_, at, types, operands, call.values);
  if (!op) {
    results.push_back(placeholder(call.loc));
    return results.back();
  }
  for (mlir::Value result : op->getResults())
    results.push_back(result);
  return results[0];
}

} // namespace

void syna::frontend::registerImportDialects(mlir::DialectRegistry &registry) {
  registry.insert<::syna::SynaDialect, mlir::func::FuncDialect,
                  mlir::arith::ArithDialect, mlir::tensor::TensorDialect,
                  mlir::scf::SCFDialect>();
}

mlir::OwningOpRef<mlir::ModuleOp>
syna::frontend::importModule(const Module &module, const SourceFile &file,
                             mlir::MLIRContext &context) {
  context.loadDialect<::syna::SynaDialect, mlir::func::FuncDialect,
                      mlir::arith::ArithDialect, mlir::tensor::TensorDialect,
                      mlir::scf::SCFDialect>();
  return Importer(file, context).run(module);
}

mlir::OwningOpRef<mlir::ModuleOp>
syna::frontend::importSynaFile(const SourceFile &file,
                               mlir::MLIRContext &context,
                               llvm::raw_ostream &errs) {
  DiagnosticEngine diags(file);
  std::unique_ptr<Module> module = parseAndCheck(file, diags);
  errs << diags.str();
  if (!module)
    return nullptr;

  // Verification failures point into the .syna file: show its lines.
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(file.text(), file.name()),
      llvm::SMLoc());
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context, errs);
  mlir::OwningOpRef<mlir::ModuleOp> result =
      importModule(*module, file, context);
  if (!result || failed(mlir::verify(*result))) {
    errs << file.name()
         << ": error: internal error: the module imported from this file does "
            "not verify; this is a bug in the syna front end\n";
    return nullptr;
  }
  return result;
}
