//===- SourceDiagnostics.cpp - MLIR diagnostics at file:line:col ----------===//
//
// Passes report problems as MLIR diagnostics at the ops' locations, which
// the importer set to the .syna file's positions. This handler prints those
// the way the front end prints its own errors (docs/tools.md, "Diagnostics"),
// so that a user sees one format whichever stage rejects the file.
//
//===----------------------------------------------------------------------===//
#include "syna/Frontend/Import.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <optional>

using namespace syna::frontend;

/// The first file:line:col of `loc` (looking through fused, call-site and
/// named locations) that lies in the file called `name`.
static std::optional<Loc> locIn(mlir::Location loc, llvm::StringRef name) {
  std::optional<Loc> found;
  loc->walk([&](mlir::Location nested) {
    auto fileLoc = llvm::dyn_cast<mlir::FileLineColLoc>(nested);
    if (!fileLoc || fileLoc.getFilename() != name || fileLoc.getLine() == 0)
      return mlir::WalkResult::advance();
    found = Loc{fileLoc.getLine(), std::max(1u, fileLoc.getColumn())};
    return mlir::WalkResult::interrupt();
  });
  return found;
}

void syna::frontend::registerSourceDiagnostics(
    mlir::MLIRContext &context, std::shared_ptr<const SourceFile> file,
    llvm::raw_ostream &errs) {
  // The user wrote the file, not the generic form of the op that failed.
  context.printOpOnDiagnostic(false);
  context.getDiagEngine().registerHandler(
      [file = std::move(file), &errs](mlir::Diagnostic &diag) {
        std::optional<Loc> at = locIn(diag.getLocation(), file->name());
        mlir::DiagnosticSeverity severity = diag.getSeverity();
        // Remarks and lone notes, and what lies elsewhere, go to the next
        // handler.
        if (!at || (severity != mlir::DiagnosticSeverity::Error &&
                    severity != mlir::DiagnosticSeverity::Warning))
          return mlir::failure();
        DiagnosticEngine engine(*file);
        if (severity == mlir::DiagnosticSeverity::Error)
          engine.error(*at, diag.str());
        else
          engine.warning(*at, diag.str());
        for (const mlir::Diagnostic &note : diag.getNotes())
          engine.note(locIn(note.getLocation(), file->name()).value_or(*at),
                      note.str());
        errs << engine.str();
        errs.flush();
        return mlir::success();
      });
}
