//===- ImportImpl.h - the importer's internals ------------------*- C++ -*-===//
#ifndef SYNA_LIB_FRONTEND_IMPORTIMPL_H
#define SYNA_LIB_FRONTEND_IMPORTIMPL_H

#include "syna/Frontend/AST.h"

#include "mlir/IR/MLIRContext.h"
#include "syna/Dialect/Syna/IR/SynaAttrs.h"

namespace syna::frontend {

/// The `syna.model` attribute of a checked model (ImportModel.cpp).
ModelAttr importModelSpec(const ModelDecl &model, mlir::MLIRContext &context);

} // namespace syna::frontend

#endif // SYNA_LIB_FRONTEND_IMPORTIMPL_H
