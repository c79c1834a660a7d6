//===- syna-opt.cpp - the syna optimizer driver ---------------------------===//
//
// Parses syna and upstream MLIR, runs passes and pipelines, and prints IR,
// with every MlirOptMain option (--pass-pipeline, --mlir-print-ir-after-all,
// --mlir-timing, crash reproducers, --verify-diagnostics, ...).
//
// A `.syna` input (or any input with --syna-input) is first compiled by the
// .syna front end. Its module is printed with debug locations and handed to
// MlirOptMain as if it had been read from a file, so every option and
// pipeline applies and every op keeps the file:line:col it came from.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "syna/Frontend/Import.h"
#include "syna/InitAll.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

static llvm::cl::opt<bool>
    synaInput("syna-input",
              llvm::cl::desc("Read the input as a .syna file whatever its "
                             "name (for stdin)"),
              llvm::cl::init(false));

/// Compiles a .syna file and runs MlirOptMain on the printed module.
static mlir::LogicalResult runOnSynaFile(int argc, char **argv,
                                         llvm::StringRef inputFilename,
                                         llvm::StringRef outputFilename,
                                         mlir::DialectRegistry &registry) {
  llvm::InitLLVM initLLVM(argc, argv);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();

  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &errorMessage);
  if (!input) {
    llvm::errs() << errorMessage << "\n";
    return mlir::failure();
  }
  // Name stdin as compilers do, in diagnostics and in locations.
  syna::frontend::SourceFile file(
      inputFilename == "-" ? "<stdin>" : inputFilename.str(),
      input->getBuffer().str());

  std::string printed;
  {
    mlir::MLIRContext context(registry);
    mlir::OwningOpRef<mlir::ModuleOp> module =
        syna::frontend::importSynaFile(file, context, llvm::errs());
    if (!module)
      return mlir::failure();
    llvm::raw_string_ostream os(printed);
    module->print(os, mlir::OpPrintingFlags().enableDebugInfo(
                          /*enable=*/true, /*prettyForm=*/false));
  }

  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &errorMessage);
  if (!output) {
    llvm::errs() << errorMessage << "\n";
    return mlir::failure();
  }
  if (failed(mlir::MlirOptMain(
          output->os(),
          llvm::MemoryBuffer::getMemBufferCopy(printed, inputFilename),
          registry, config)))
    return mlir::failure();
  output->keep();
  return mlir::success();
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  syna::registerAllDialects(registry);
  syna::registerAllPasses();
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "syna optimizer driver\n", registry);
  if (synaInput || llvm::StringRef(inputFilename).ends_with(".syna"))
    return mlir::asMainReturnCode(runOnSynaFile(
        argc, argv, inputFilename, outputFilename, registry));
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, inputFilename, outputFilename, registry));
}
