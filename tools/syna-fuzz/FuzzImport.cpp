//===- FuzzImport.cpp - fuzz target: the whole .syna to MLIR path ---------===//
//
// Whatever the semantic checks accept must import into a module that
// verifies and that survives the print/parse round trip syna-opt performs.
// A failure means Sema let through something the dialect rejects: the
// target aborts so that libFuzzer records the input.
//
//===----------------------------------------------------------------------===//
#include "syna/Frontend/Import.h"
#include "syna/Frontend/Sema.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace syna::frontend;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  SourceFile file("fuzz.syna",
                  std::string(reinterpret_cast<const char *>(data), size));
  DiagnosticEngine diags(file);
  std::unique_ptr<Module> module = parseAndCheck(file, diags);
  if (!module)
    return 0;

  // A fresh context per input: uniqued types and locations would otherwise
  // accumulate over millions of runs.
  mlir::DialectRegistry registry;
  registerImportDialects(registry);
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  std::string messages;
  llvm::raw_string_ostream os(messages);
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    os << diag << "\n";
    return mlir::success();
  });
  mlir::OwningOpRef<mlir::ModuleOp> imported =
      importModule(*module, file, context);
  if (!imported || failed(mlir::verify(*imported))) {
    llvm::errs() << "accepted by Sema but does not verify:\n"
                 << messages << "\n";
    if (imported)
      llvm::errs() << *imported << "\n";
    std::abort();
  }
  std::string printed;
  llvm::raw_string_ostream printer(printed);
  imported->print(printer, mlir::OpPrintingFlags().enableDebugInfo(true, false));
  mlir::OwningOpRef<mlir::ModuleOp> reparsed =
      mlir::parseSourceString<mlir::ModuleOp>(printed, &context);
  if (!reparsed || failed(mlir::verify(*reparsed))) {
    llvm::errs() << "the printed module does not parse back:\n"
                 << messages << "\n"
                 << printed << "\n";
    std::abort();
  }
  return 0;
}
