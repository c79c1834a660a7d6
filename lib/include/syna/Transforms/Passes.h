//===- Passes.h - syna transformation passes and pipelines -----*- C++ -*-===//
#ifndef SYNA_TRANSFORMS_PASSES_H
#define SYNA_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
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

namespace syna {

#define GEN_PASS_DECL
#include "syna/Transforms/Passes.h.inc"

/// Options of the `syna-cpu-pipeline`.
struct CpuPipelineOptions
    : public mlir::PassPipelineOptions<CpuPipelineOptions> {
  Option<bool> surprisal{*this, "surprisal",
                         llvm::cl::desc("run syna-surprisal-rewrite first"),
                         llvm::cl::init(false)};
  Option<bool> fuse{*this, "fuse",
                    llvm::cl::desc("fuse elementwise linalg ops"),
                    llvm::cl::init(true)};
  ListOption<int64_t> tileSizes{
      *this, "tile-sizes",
      llvm::cl::desc("batch tile of the parallel scf.forall (empty: none)")};
  Option<bool> vectorize{*this, "vectorize",
                         llvm::cl::desc("tile and vectorize innermost loops"),
                         llvm::cl::init(true)};
  Option<int64_t> vectorWidth{
      *this, "vector-width",
      llvm::cl::desc("vector width in f32 elements (0: the host's)"),
      llvm::cl::init(0)};
  Option<bool> omp{*this, "omp",
                   llvm::cl::desc("parallel loops through OpenMP"),
                   llvm::cl::init(true)};
  Option<int64_t> productBlock{
      *this, "product-block",
      llvm::cl::desc("synapse tensor: ∏(1 − β·x) as mantissa·2^exponent, "
                     "K <= 4 factors per step (1: one log1p per term)"),
      llvm::cl::init(4)};
  Option<uint64_t> seed{*this, "seed",
                        llvm::cl::desc("parameter initialisation seed"),
                        llvm::cl::init(0)};
};

/// syna → linalg → (fusion, tiling, vectorization) → bufferization →
/// (OpenMP) → LLVM dialect.
void buildCpuPipeline(mlir::OpPassManager &pm, const CpuPipelineOptions &options);

/// Registers `syna-cpu-pipeline`.
void registerCpuPipeline();

#define GEN_PASS_REGISTRATION
#include "syna/Transforms/Passes.h.inc"

} // namespace syna

#endif // SYNA_TRANSFORMS_PASSES_H
