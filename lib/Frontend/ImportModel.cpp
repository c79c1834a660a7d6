//===- ImportModel.cpp - the syna.model module attribute ------------------===//
//
// Schema (docs/language.md, "Models"): a dictionary
//   {name = "mnist", graph = @net, loss = "nll",
//    optimizer = {kind = "sgd", lr = 1.2e-02 : f64, ...},
//    schedule = {kind = "constant"}, data = {kind = "mnist", path = ""},
//    augment = {kind = "none"}, batch = 100 : i64, epochs = 10 : i64, seed = 1 : i64}
// with every field of the chosen kinds present (Sema filled in defaults).
//
//===----------------------------------------------------------------------===//
#include "ImportImpl.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace syna::frontend;

static mlir::Attribute importValue(const SpecValue &value, mlir::Builder &b) {
  switch (value.kind) {
  case SpecValue::Int:
    return b.getI64IntegerAttr(value.intValue);
  case SpecValue::Float:
    return b.getF64FloatAttr(value.floatValue);
  case SpecValue::Bool:
    return b.getBoolAttr(value.boolValue);
  case SpecValue::String:
    return b.getStringAttr(value.stringValue);
  }
  return b.getUnitAttr();
}

static mlir::DictionaryAttr importDict(const SpecDict &dict, mlir::Builder &b) {
  llvm::SmallVector<mlir::NamedAttribute> fields;
  fields.push_back(b.getNamedAttr("kind", b.getStringAttr(dict.kind)));
  for (const auto &[name, value] : dict.fields)
    fields.push_back(b.getNamedAttr(name, importValue(value, b)));
  return b.getDictionaryAttr(fields);
}

mlir::DictionaryAttr
syna::frontend::importModelSpec(const ModelDecl &model,
                                mlir::MLIRContext &context) {
  mlir::Builder b(&context);
  const ModelSpec &spec = model.spec;
  llvm::SmallVector<mlir::NamedAttribute> fields = {
      b.getNamedAttr("name", b.getStringAttr(model.name.name)),
      b.getNamedAttr("graph",
                     mlir::FlatSymbolRefAttr::get(&context, spec.graph)),
      b.getNamedAttr("loss", b.getStringAttr(spec.loss)),
      b.getNamedAttr("optimizer", importDict(spec.optimizer, b)),
      b.getNamedAttr("schedule", importDict(spec.schedule, b)),
      b.getNamedAttr("data", importDict(spec.data, b)),
      b.getNamedAttr("augment", importDict(spec.augment, b)),
      b.getNamedAttr("batch", b.getI64IntegerAttr(spec.batch)),
      b.getNamedAttr("epochs", b.getI64IntegerAttr(spec.epochs)),
      b.getNamedAttr("seed", b.getI64IntegerAttr(spec.seed)),
  };
  return b.getDictionaryAttr(fields);
}
