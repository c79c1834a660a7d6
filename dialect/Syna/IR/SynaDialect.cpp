//===- SynaDialect.cpp - the syna dialect ---------------------------------===//
#include "syna/Dialect/Syna/IR/SynaDialect.h"

#include "RuleGlue.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/InliningUtils.h"
#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "syna/Dialect/Syna/IR/SynaLoweringAttrs.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

using namespace mlir;
using namespace syna;

#include "syna/Dialect/Syna/IR/SynaOpsDialect.cpp.inc"

namespace {
/// Every syna op is a pure function of its operands (a param_ref reads state
/// that is constant within one evaluation), so calls to functions of syna
/// ops can be inlined anywhere.
struct SynaInlinerInterface : DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void SynaDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "syna/Dialect/Syna/IR/SynaOps.cpp.inc"
      >();
  registerAttributes();
  addInterfaces<SynaInlinerInterface>();
}

Operation *SynaDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return arith::ConstantOp::create(builder, loc, type, typed);
}

//===----------------------------------------------------------------------===//
// Discardable attributes
//===----------------------------------------------------------------------===//

/// `type` as the training-loop contract (ModelSchema.h) sees it; dynamic
/// dimensions are unknown.
static GraphValue graphValue(Type type) {
  GraphValue value;
  llvm::raw_string_ostream(value.spelling) << type;
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    std::optional<DType> elem = syna::detail::toDType(tensor.getElementType());
    if (!elem)
      return value;
    value.kind = GraphValue::Tensor;
    value.type.elem = *elem;
    for (int64_t size : tensor.getShape())
      value.type.dims.push_back(ShapedType::isDynamic(size) ? Dim::unknown()
                                                            : Dim::fixed(size));
  } else if (std::optional<DType> elem = syna::detail::toDType(type)) {
    value.kind = GraphValue::Scalar;
    value.type.elem = *elem;
  }
  return value;
}

/// `syna.model` is a #syna.model on a builtin.module whose graph is a
/// func.func of the module that fits the training loop.
static LogicalResult verifyModel(Operation *op, NamedAttribute attr) {
  StringRef attrName = attr.getName().getValue();
  auto module = dyn_cast<ModuleOp>(op);
  if (!module)
    return op->emitOpError("has '")
           << attrName << "', which only a builtin.module may carry";
  auto model = dyn_cast<ModelAttr>(attr.getValue());
  if (!model)
    return op->emitError("'")
           << attrName << "' must be a #syna.model<...>, got "
           << attr.getValue();
  // ModelAttr::get verifies only in builds with assertions.
  ModelSpec spec = model.getSpec();
  if (std::optional<std::string> problem = checkSpec(spec))
    return op->emitError("syna.model: ") << *problem;
  StringRef name = model.getGraph().getValue();
  auto graph = dyn_cast_or_null<func::FuncOp>(
      SymbolTable::lookupSymbolIn(module, model.getGraph().getAttr()));
  if (!graph)
    return op->emitError("syna.model: graph @")
           << name << " is not a func.func of the module";
  if (graph.isExternal())
    return op->emitError("syna.model: graph @")
           << name << " is a declaration; the trainer needs its body";
  FunctionType type = graph.getFunctionType();
  std::vector<GraphValue> args, results;
  for (Type input : type.getInputs())
    args.push_back(graphValue(input));
  for (Type result : type.getResults())
    results.push_back(graphValue(result));
  if (std::optional<std::string> problem =
          checkGraphContract(spec, args, results))
    return op->emitError("syna.model: ") << *problem;
  return success();
}

/// `syna.theta`: explicit θ of a syna.param, of the param's exact type.
static LogicalResult verifyTheta(Operation *op, NamedAttribute attr) {
  StringRef attrName = attr.getName().getValue();
  auto param = dyn_cast<ParamOp>(op);
  if (!param)
    return op->emitOpError("has '")
           << attrName << "', which only a syna.param may carry";
  auto theta = dyn_cast<DenseElementsAttr>(attr.getValue());
  if (!theta)
    return op->emitOpError("'")
           << attrName << "' must be a dense elements attribute of type "
           << param.getTensorType();
  if (theta.getType() != param.getTensorType())
    return op->emitOpError("'")
           << attrName << "' has type " << theta.getType()
           << ", but parameter @" << param.getSymName() << " is "
           << param.getTensorType();
  return success();
}

/// `syna.differentiate`: a unit attribute that marks a func.func for
/// syna-autodiff.
static LogicalResult verifyDifferentiate(Operation *op, NamedAttribute attr) {
  StringRef attrName = attr.getName().getValue();
  if (!isa<func::FuncOp>(op))
    return op->emitOpError("has '")
           << attrName << "', which only a func.func may carry";
  if (!isa<UnitAttr>(attr.getValue()))
    return op->emitOpError("'")
           << attrName << "' is a unit attribute, got "
           << attr.getValue();
  return success();
}

/// One array of names per argument, one name per dimension of a ranked
/// tensor argument, and a name only where the dimension is dynamic.
/// kDimNamesAttrName (of the arguments) and kResultDimNamesAttrName (of the
/// results): one array of strings per value, one per dimension.
static LogicalResult verifyDimNames(Operation *op, NamedAttribute attr) {
  auto func = dyn_cast<func::FuncOp>(op);
  if (!func)
    return op->emitOpError("has '")
           << attr.getName().getValue() << "', which only a func.func may carry";
  bool ofResults = attr.getName() == kResultDimNamesAttrName;
  TypeRange types =
      ofResults ? func.getResultTypes() : func.getArgumentTypes();
  auto fail = [&]() {
    return op->emitOpError("'")
           << attr.getName().getValue() << "' must hold one array of strings "
           << (ofResults ? "per result" : "per argument")
           << ", one per dimension, a name only where the dimension is "
              "dynamic";
  };
  auto perValue = dyn_cast<ArrayAttr>(attr.getValue());
  if (!perValue || perValue.size() != types.size())
    return fail();
  for (auto [names, type] : llvm::zip(perValue, types)) {
    auto list = dyn_cast<ArrayAttr>(names);
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!list || list.size() != (tensor ? tensor.getRank() : 0))
      return fail();
    for (auto [d, name] : llvm::enumerate(list)) {
      auto text = dyn_cast<StringAttr>(name);
      if (!text || (!text.getValue().empty() && !tensor.isDynamicDim(d)))
        return fail();
    }
  }
  return success();
}

namespace {
/// A discardable `syna.*` attribute and its verifier. A new attribute is
/// one more row of kDiscardableAttrs.
struct DiscardableAttr {
  StringRef name;
  LogicalResult (*verify)(Operation *op, NamedAttribute attr);
};
} // namespace

static const DiscardableAttr kDiscardableAttrs[] = {
    {kDifferentiateAttrName, verifyDifferentiate},
    {kDimNamesAttrName, verifyDimNames},
    {kResultDimNamesAttrName, verifyDimNames},
    {kModelAttrName, verifyModel},
    {kThetaAttrName, verifyTheta},
    {kTilingAttrName, verifyLoweringConfig},
    {kVectorizationAttrName, verifyLoweringConfig},
};

LogicalResult SynaDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  for (const DiscardableAttr &known : kDiscardableAttrs)
    if (attr.getName() == known.name)
      return known.verify(op, attr);
  InFlightDiagnostic diag = op->emitOpError("has unknown attribute '")
                            << attr.getName().getValue()
                            << "'; the syna dialect knows ";
  llvm::interleave(
      kDiscardableAttrs, diag,
      [&](const DiscardableAttr &known) { diag << known.name; }, ", ");
  return diag;
}
