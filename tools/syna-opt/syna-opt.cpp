//===- syna-opt.cpp - the syna optimizer driver ---------------------------===//
//
// Parses syna and upstream MLIR, runs passes and pipelines, and prints IR,
// with every MlirOptMain option (--pass-pipeline, --mlir-print-ir-after-all,
// --mlir-timing, crash reproducers, --verify-diagnostics, ...).
//
// A `.syna` input (or any input with --syna-input) is first compiled by the
// .syna front end. Its module is printed with debug locations and handed to
// MlirOptMain as if it had been read from a file, so every option and
// pipeline applies and every op keeps the file:line:col it came from. MLIR
// text is first checked for the integer lists that crash MLIR 22.1's linalg
// parsers (syna/ParseMlir.h).
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "syna/Frontend/Import.h"
#include "syna/InitAll.h"
#include "syna/ParseMlir.h"
#include "syna/ToolSupport.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

static llvm::cl::opt<bool>
    synaInput("syna-input",
              llvm::cl::desc("Read the input as a .syna file whatever its "
                             "name (for stdin)"),
              llvm::cl::init(false),
              llvm::cl::cat(syna::toolOptionCategory()));

/// The input as MLIR assembly: a .syna file compiled by the front end and
/// printed with debug locations, or MLIR text once it is known not to crash
/// MLIR's parser (syna/ParseMlir.h). Null after reporting an error.
static std::unique_ptr<llvm::MemoryBuffer>
readInput(llvm::StringRef inputFilename, mlir::DialectRegistry &registry) {
  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &errorMessage);
  if (!input) {
    llvm::errs() << errorMessage << "\n";
    return nullptr;
  }
  // Name stdin as compilers do, in diagnostics and in locations.
  std::string name = inputFilename == "-" ? "<stdin>" : inputFilename.str();
  if (!synaInput && !inputFilename.ends_with(".syna")) {
    std::optional<syna::ParserHazard> hazard =
        syna::findParserHazard(input->getBuffer());
    if (!hazard)
      return input;
    llvm::SourceMgr sourceMgr;
    const char *at = input->getBufferStart() + hazard->offset;
    sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
    sourceMgr.PrintMessage(llvm::SMLoc::getFromPointer(at),
                           llvm::SourceMgr::DK_Error, hazard->message);
    return nullptr;
  }
  syna::frontend::SourceFile file(name, input->getBuffer().str());
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      syna::frontend::importSynaFile(file, context, llvm::errs());
  if (!module)
    return nullptr;
  std::string printed;
  llvm::raw_string_ostream os(printed);
  module->print(os, mlir::OpPrintingFlags().enableDebugInfo(
                        /*enable=*/true, /*prettyForm=*/false));
  return llvm::MemoryBuffer::getMemBufferCopy(printed, inputFilename);
}

/// MlirOptMain on the input that readInput makes of the file.
static mlir::LogicalResult runOnInput(llvm::StringRef inputFilename,
                                      llvm::StringRef outputFilename,
                                      mlir::DialectRegistry &registry,
                                      const mlir::MlirOptMainConfig &config) {
  std::unique_ptr<llvm::MemoryBuffer> input = readInput(inputFilename, registry);
  if (!input)
    return mlir::failure();
  std::string errorMessage;
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &errorMessage);
  if (!output) {
    llvm::errs() << errorMessage << "\n";
    return mlir::failure();
  }
  if (failed(mlir::MlirOptMain(output->os(), std::move(input), registry, config)))
    return mlir::failure();
  output->keep();
  return mlir::success();
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  syna::registerAllDialects(registry);
  syna::registerAllPasses();
  syna::prepareCommandLine("syna-opt");
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "syna optimizer driver\n", registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  // Listings read no input: MlirOptMain prints them.
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(
        mlir::MlirOptMain(argc, argv, inputFilename, outputFilename, registry));
  llvm::InitLLVM initLLVM(argc, argv);
  return mlir::asMainReturnCode(
      runOnInput(inputFilename, outputFilename, registry, config));
}
