//===- ImportModel.cpp - the syna.model module attribute ------------------===//
//
// Sema decoded the model block into a ModelSpec (ModelSchema.h), every
// default filled in; the attribute holds it as it is (docs/language.md,
// "Models").
//
//===----------------------------------------------------------------------===//
#include "ImportImpl.h"

#include "syna/Dialect/Syna/IR/SynaAttrs.h"

using namespace syna::frontend;

syna::ModelAttr syna::frontend::importModelSpec(const ModelDecl &model,
                                                mlir::MLIRContext &context) {
  return ModelAttr::get(&context, model.spec);
}
