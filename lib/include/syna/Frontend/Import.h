//===- Import.h - importing .syna files into the syna dialect ---*- C++ -*-===//
//
// The only part of the front end that depends on MLIR. A checked syntax tree
// becomes a builtin module:
//
//   param/buffer   -> syna.param (buffers set its `buffer` flag)
//   graph          -> func.func of syna, arith and tensor ops
//   circuit        -> func.func holding syna.flip_circuit when the body is
//                     exactly the flip circuit, else an scf.for whose
//                     iter_args are the state variables
//   model          -> the module attribute `syna.model` (#syna.model<...>)
//
// Every op carries the FileLineColLoc of the expression it came from.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_IMPORT_H
#define SYNA_FRONTEND_IMPORT_H

#include "syna/Frontend/AST.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <memory>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class MLIRContext;
} // namespace mlir

namespace syna::frontend {

/// The dialects that imported modules use.
void registerImportDialects(mlir::DialectRegistry &registry);

/// Builds the module of a checked syntax tree. Does not verify it. Returns
/// null after reporting an internal error through the context's handler
/// (a tree the checks should not have accepted).
mlir::OwningOpRef<mlir::ModuleOp> importModule(const Module &module,
                                               const SourceFile &file,
                                               mlir::MLIRContext &context);

/// From now on, prints every error and warning that `context` reports at a
/// location in `file` as the front end prints its own (`file:line:col:
/// error: ...`, the source line, a caret), to `errs`; other diagnostics go
/// to the handlers registered before. For as long as the context lives:
/// passes that run on the imported module report through it.
void registerSourceDiagnostics(mlir::MLIRContext &context,
                               std::shared_ptr<const SourceFile> file,
                               llvm::raw_ostream &errs);

/// Parses, checks, imports and verifies a .syna file. Front-end errors go
/// to `errs` as `file:line:col: error: ...` with the source line and a
/// caret; a module that fails to verify is reported there as an internal
/// error (a bug in the front end). Returns null after any error.
mlir::OwningOpRef<mlir::ModuleOp> importSynaFile(const SourceFile &file,
                                                 mlir::MLIRContext &context,
                                                 llvm::raw_ostream &errs);

} // namespace syna::frontend

#endif // SYNA_FRONTEND_IMPORT_H
