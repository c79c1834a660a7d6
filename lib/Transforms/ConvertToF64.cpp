//===- ConvertToF64.cpp - every float of a module in double precision -----===//
//
// syna-convert-to-f64 (Passes.td): rewrites f16, bf16 and f32 to f64 in the
// types of values, block arguments and functions, and in type and float
// attributes (constants, initial values). The syna ops and their rules take
// f32 and f64 alike, so the converted module verifies; gradcheck compares
// gradients with finite differences in it.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"

namespace syna {
#define GEN_PASS_DEF_CONVERTTOF64
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {
namespace {

Type toF64(Type type) {
  MLIRContext *ctx = type.getContext();
  if (type.isF32() || type.isF16() || type.isBF16())
    return Float64Type::get(ctx);
  if (auto tensor = dyn_cast<RankedTensorType>(type))
    return RankedTensorType::get(tensor.getShape(),
                                 toF64(tensor.getElementType()),
                                 tensor.getEncoding());
  if (auto function = dyn_cast<FunctionType>(type)) {
    SmallVector<Type> inputs, results;
    for (Type input : function.getInputs())
      inputs.push_back(toF64(input));
    for (Type result : function.getResults())
      results.push_back(toF64(result));
    return FunctionType::get(ctx, inputs, results);
  }
  return type;
}

Attribute toF64(Attribute attr) {
  if (auto type = dyn_cast<TypeAttr>(attr))
    return TypeAttr::get(toF64(type.getValue()));
  if (auto number = dyn_cast<FloatAttr>(attr)) {
    Type type = toF64(number.getType());
    return type == number.getType()
               ? attr
               : FloatAttr::get(type, number.getValueAsDouble());
  }
  if (auto dense = dyn_cast<DenseFPElementsAttr>(attr)) {
    auto type = cast<ShapedType>(dense.getType());
    auto converted = cast<ShapedType>(toF64(type));
    if (converted == type)
      return attr;
    SmallVector<double> values;
    for (APFloat v : dense.getValues<APFloat>())
      values.push_back(v.convertToDouble());
    return DenseElementsAttr::get(converted, ArrayRef<double>(values));
  }
  return attr;
}

struct ConvertToF64Pass : impl::ConvertToF64Base<ConvertToF64Pass> {
  using Base::Base;

  void runOnOperation() override {
    getOperation()->walk([](Operation *op) {
      for (Value result : op->getResults())
        result.setType(toF64(result.getType()));
      for (Region &region : op->getRegions())
        for (Block &block : region)
          for (BlockArgument arg : block.getArguments())
            arg.setType(toF64(arg.getType()));
      for (NamedAttribute attr : op->getAttrs())
        if (Attribute converted = toF64(attr.getValue());
            converted != attr.getValue())
          op->setAttr(attr.getName(), converted);
    });
  }
};

} // namespace
} // namespace syna
