//===- Passes.h - syna automatic differentiation ----------------*- C++ -*-===//
#ifndef SYNA_AUTODIFF_PASSES_H
#define SYNA_AUTODIFF_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace syna {

#define GEN_PASS_DECL
#include "syna/Autodiff/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "syna/Autodiff/Passes.h.inc"

/// Attaches SynaDifferentiableOpInterface to the upstream arith and math
/// ops that syna-autodiff differentiates (ArithVjp.cpp).
void registerUpstreamVjpModels(mlir::DialectRegistry &registry);

} // namespace syna

#endif // SYNA_AUTODIFF_PASSES_H
