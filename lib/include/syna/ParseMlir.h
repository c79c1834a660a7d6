//===- ParseMlir.h - MLIR assembly from a user, parsed safely ----*- C++ -*-===//
//
// MLIR 22.1's custom parsers of linalg.transpose, linalg.broadcast and
// linalg.reduce store a null attribute when their `permutation = [...]` or
// `dimensions = [...]` list is malformed, and the parser then crashes on it
// after reporting the error. Every syna tool that parses a user's MLIR text
// checks those lists first (docs/robustness.md, "Readers").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_PARSEMLIR_H
#define SYNA_PARSEMLIR_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>
#include <string>

namespace syna {

/// Where and why MLIR's parser would crash on a text.
struct ParserHazard {
  size_t offset;
  std::string message;
};

/// The first integer list in `text` that MLIR 22.1's linalg parsers would
/// crash on, if any. A list they parse is never reported.
std::optional<ParserHazard> findParserHazard(llvm::StringRef text);

/// parseSourceString behind findParserHazard: a hazard is reported as a
/// parse error at its line and column of `fileName`.
mlir::OwningOpRef<mlir::ModuleOp> parseMlirModule(llvm::StringRef text,
                                                  llvm::StringRef fileName,
                                                  mlir::MLIRContext &context);

} // namespace syna

#endif // SYNA_PARSEMLIR_H
