//===- syna-opt.cpp - the syna optimizer driver ---------------------------===//
//
// Parses syna and upstream MLIR, runs passes and pipelines, and prints IR,
// with every MlirOptMain option (--pass-pipeline, --mlir-print-ir-after-all,
// --mlir-timing, crash reproducers, --verify-diagnostics, ...).
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "syna/InitAll.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  syna::registerAllDialects(registry);
  syna::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "syna optimizer driver\n", registry));
}
