//===- InitAll.h - registration shared by every syna tool -------*- C++ -*-===//
//
// Every syna tool registers dialects, extensions and passes through these
// functions, so syna-opt and syna-run always accept the same IR.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_INITALL_H
#define SYNA_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace syna {

/// The syna dialect, the upstream dialects it lowers to, and their
/// interface extensions.
void registerAllDialects(mlir::DialectRegistry &registry);

/// syna's passes and pipelines together with the upstream ones.
void registerAllPasses();

} // namespace syna

#endif // SYNA_INITALL_H
