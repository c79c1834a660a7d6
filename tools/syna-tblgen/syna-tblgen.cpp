//===- syna-tblgen.cpp - TableGen backends of the syna dialect ------------===//
//
// Reads the syna ops' ODS and generates what would otherwise be kept by hand
// beside it: the argument structs and glue of the op rules, the .syna
// built-in table, its builders and its documentation (docs/architecture.md).
//
//===----------------------------------------------------------------------===//
#include "mlir/Tools/mlir-tblgen/MlirTblgenMain.h"

int main(int argc, char **argv) { return mlir::MlirTblgenMain(argc, argv); }
