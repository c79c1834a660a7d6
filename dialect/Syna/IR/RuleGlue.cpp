//===- RuleGlue.cpp - the op rules seen from MLIR -------------------------===//
#include "RuleGlue.h"

#include "Format.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace syna::detail {

std::optional<DType> toDType(Type type) {
  if (type.isF32())
    return DType::F32;
  if (type.isF64())
    return DType::F64;
  if (type.isSignlessInteger(32))
    return DType::I32;
  if (type.isSignlessInteger(64))
    return DType::I64;
  return std::nullopt;
}

std::optional<TensorDesc> toTensorDesc(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  std::optional<DType> elem =
      toDType(tensor ? tensor.getElementType() : type);
  if (!elem)
    return std::nullopt;
  TensorDesc desc{*elem, {}};
  if (tensor)
    for (int64_t size : tensor.getShape())
      desc.dims.push_back(ShapedType::isDynamic(size) ? Dim::unknown()
                                                      : Dim::fixed(size));
  return desc;
}

Type toMlirType(const TensorDesc &desc, MLIRContext *context) {
  Builder b(context);
  Type elem;
  switch (desc.elem) {
  case DType::F32: elem = b.getF32Type(); break;
  case DType::F64: elem = b.getF64Type(); break;
  case DType::I32: elem = b.getI32Type(); break;
  case DType::I64: elem = b.getI64Type(); break;
  }
  SmallVector<int64_t> shape;
  for (const Dim &dim : desc.dims)
    shape.push_back(dim.isStatic() ? dim.size : ShapedType::kDynamic);
  return RankedTensorType::get(shape, elem);
}

std::string printType(const TensorDesc &desc) {
  std::string text = "tensor<";
  for (const Dim &dim : desc.dims)
    text += (dim.isStatic() ? std::to_string(dim.size) : "?") + "x";
  return text + spell(desc.elem) + ">";
}

void setOperand(ArgValue &value, Value operand) {
  value.present = static_cast<bool>(operand);
  if (!operand)
    return;
  std::optional<TensorDesc> desc = toTensorDesc(operand.getType());
  value.unsupported = !desc;
  if (desc)
    value.tensor = std::move(*desc);
}

void setAttribute(ArgValue &value, IntegerAttr attr) {
  value.present = static_cast<bool>(attr);
  if (attr)
    value.integer = attr.getValue().getSExtValue();
}

void setAttribute(ArgValue &value, FloatAttr attr) {
  value.present = static_cast<bool>(attr);
  if (attr)
    value.real = attr.getValueAsDouble();
}

void setAttribute(ArgValue &value, UnitAttr attr) {
  value.present = static_cast<bool>(attr);
  value.flag = static_cast<bool>(attr);
}

void setAttribute(ArgValue &value, DenseI64ArrayAttr attr) {
  value.present = static_cast<bool>(attr);
  if (attr)
    value.integers.assign(attr.asArrayRef().begin(), attr.asArrayRef().end());
}

LogicalResult inferWithRule(MLIRContext *context,
                            std::optional<Location> location, StringRef opName,
                            std::vector<ArgValue> values, RuleFn rule,
                            SmallVectorImpl<Type> &inferred) {
  for (const ArgValue &value : values)
    if (value.unsupported)
      return emitOptionalError(location, "'", opName,
                               "' op has an operand of a type that syna ops "
                               "do not take");
  RuleContext ctx(printType);
  RuleResult results = rule(values, {}, ctx);
  if (!results)
    return emitOptionalError(location, "'", opName, "' op ",
                             ctx.error->message);
  for (const TensorDesc &result : *results)
    inferred.push_back(toMlirType(result, context));
  return success();
}

bool compatibleTypes(TypeRange inferred, TypeRange actual) {
  if (inferred.size() != actual.size())
    return false;
  for (auto [a, b] : llvm::zip(inferred, actual)) {
    std::optional<TensorDesc> x = toTensorDesc(a), y = toTensorDesc(b);
    if (!x || !y || !isa<RankedTensorType>(a) || !isa<RankedTensorType>(b) ||
        !compatible(*x, *y))
      return false;
  }
  return true;
}

} // namespace syna::detail

syna::Interval syna::operandInterval(Operation *op, const OperandDomain &domain) {
  int64_t classes = -1;
  if (domain.domain == ValueDomain::ClassIndex && op->getNumOperands() > 0)
    if (auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
        input && input.getRank() > 0 && !input.isDynamicDim(input.getRank() - 1))
      classes = input.getShape().back();
  return intervalOf(domain.domain, classes);
}

namespace syna::detail {

/// Checks a constant operand's elements against `interval`.
static LogicalResult verifyConstant(Operation *op, const OperandDomain &domain,
                                    const Interval &interval,
                                    DenseElementsAttr constant) {
  int64_t index = 0;
  auto check = [&](double value) -> LogicalResult {
    if (contains(interval, value))
      return success();
    auto diag = op->emitOpError() << domain.name << " must "
                                  << requirement(interval) << ", but ";
    if (constant.isSplat())
      return diag << "it is " << formatNumber(value);
    return diag << "element " << index << " is " << formatNumber(value);
  };
  for (int64_t e = constant.isSplat() ? 1 : constant.getNumElements();
       index < e; ++index) {
    double value = isa<FloatType>(constant.getElementType())
                       ? constant.getValues<APFloat>()[index].convertToDouble()
                       : double(constant.getValues<APInt>()[index].getSExtValue());
    if (failed(check(value)))
      return failure();
  }
  return success();
}

LogicalResult verifyOperandDomains(Operation *op) {
  for (auto [index, operand] : llvm::enumerate(op->getOperands())) {
    std::optional<OperandDomain> domain = getOperandDomain(op, index);
    DenseElementsAttr constant;
    if (!domain || !matchPattern(operand, m_Constant(&constant)))
      continue;
    if (failed(verifyConstant(op, *domain, operandInterval(op, *domain),
                              constant)))
      return failure();
  }
  return success();
}

LogicalResult verifyWithRule(Operation *op, std::vector<ArgValue> values,
                             RuleFn rule) {
  std::vector<TensorDesc> stated;
  for (Type type : op->getResultTypes()) {
    std::optional<TensorDesc> desc = toTensorDesc(type);
    if (!desc)
      return op->emitOpError("has a result of a type that syna ops do not "
                             "produce: ")
             << type;
    stated.push_back(*desc);
  }
  for (const ArgValue &value : values)
    if (value.unsupported)
      return op->emitOpError("has an operand of a type that syna ops do not "
                             "take");
  RuleContext ctx(printType);
  RuleResult inferred = rule(values, stated, ctx);
  if (!inferred)
    return op->emitOpError() << ctx.error->message;
  if (inferred->size() != stated.size())
    return op->emitOpError() << "has " << stated.size()
                             << " results, but its operands give "
                             << inferred->size();
  // The lowerings build these results from the operands' types: they must
  // be exactly what the rule gives, not only compatible.
  for (auto [i, type] : llvm::enumerate(*inferred))
    if (toMlirType(type, op->getContext()) != op->getResult(i).getType())
      return op->emitOpError() << "result " << i << " has type "
                               << op->getResult(i).getType()
                               << ", but its operands give "
                               << printType(type);
  return verifyOperandDomains(op);
}

} // namespace syna::detail
