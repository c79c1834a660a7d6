//===- Passes.h - syna transformation passes and pipelines -----*- C++ -*-===//
#ifndef SYNA_TRANSFORMS_PASSES_H
#define SYNA_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/Transforms/CompileOptions.h"

namespace syna {

#define GEN_PASS_DECL
#include "syna/Transforms/Passes.h.inc"

/// Options of `syna-cpu-pipeline`: the pipeline options of
/// CompileOptions.def, with their defaults and descriptions.
struct CpuPipelineOptions
    : public mlir::PassPipelineOptions<CpuPipelineOptions> {
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  Option<TYPE> FIELD{*this, FLAG, llvm::cl::desc(HELP),                        \
                     llvm::cl::init(TYPE(DEFAULT))};
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  ListOption<TYPE> FIELD{*this, FLAG, llvm::cl::desc(HELP),                    \
                         llvm::cl::list_init<TYPE>({TYPE(DEFAULT)})};
#include "syna/Transforms/CompileOptions.def"

  /// These options, with every other compile option at its default.
  CompileOptions toCompileOptions() const;
};

/// syna → linalg → (fusion, tiling, vectorization) → bufferization →
/// (OpenMP) → LLVM dialect. `options` must be valid
/// (CompileOptions::validate).
void buildCpuPipeline(mlir::OpPassManager &pm, const CompileOptions &options);

/// Registers `syna-cpu-pipeline`.
void registerCpuPipeline();

#define GEN_PASS_REGISTRATION
#include "syna/Transforms/Passes.h.inc"

} // namespace syna

#endif // SYNA_TRANSFORMS_PASSES_H
