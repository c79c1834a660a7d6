//===- InitAll.cpp - registration shared by every syna tool ---------------===//
#include "syna/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Conversion/Passes.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/Training/Passes.h"
#include "syna/Transforms/Passes.h"

void ::syna::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<syna::SynaDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  syna::registerUpstreamVjpModels(registry);
}

void ::syna::registerAllPasses() {
  mlir::registerAllPasses();
  ::syna::registerSynaAutodiffPasses();
  ::syna::registerSynaConversionPasses();
  ::syna::registerSynaTransformsPasses();
  ::syna::registerSynaTrainingPasses();
  ::syna::registerCpuPipeline();
}
