//===- CHeader.h - the C interface of a compiled graph ----------*- C++ -*-===//
//
// The header syna-compile writes beside the library: one C function per
// graph that takes plain arrays and the graph's dynamic dimensions, builds
// the memref descriptors, calls the packed entry point and copies the
// results into the caller's arrays (docs/deploy.md, "The C API").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_TOOLS_SYNA_COMPILE_CHEADER_H
#define SYNA_TOOLS_SYNA_COMPILE_CHEADER_H

#include "syna/Execution/Signature.h"

namespace syna::tool {

struct CInterface {
  /// The C function's name: the graph's.
  std::string function;
  /// The compiled function that it calls, through its packed entry point.
  std::string compiledFunction;
  GraphSignature signature;
  /// Where the graph came from and what it was compiled for, for the
  /// header's comment.
  std::string description;
};

/// The header's text, or an error when a caller could not size a result:
/// a dynamic result dimension that no argument dimension names.
llvm::Expected<std::string> writeCHeader(const CInterface &interface);

} // namespace syna::tool

#endif // SYNA_TOOLS_SYNA_COMPILE_CHEADER_H
