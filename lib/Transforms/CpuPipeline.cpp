//===- CpuPipeline.cpp - the syna-cpu-pipeline ----------------------------===//
//
// syna → linalg → fusion → batch tiling into scf.forall + vectorization →
// one-shot bufferization → OpenMP → polynomial math → LLVM dialect, in the
// order that works on MLIR 22.1 (docs: mlir22-toolchain.md).
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

static std::string pipelineString(const syna::CpuPipelineOptions &o) {
  std::string s;
  llvm::raw_string_ostream os(s);
  if (o.surprisal)
    os << "syna-surprisal-rewrite,canonicalize,";
  os << "convert-syna-to-linalg{seed=" << o.seed << " product-block=" << o.productBlock
     << "},canonicalize,cse,";
  if (o.fuse)
    os << "syna-fuse-elementwise,canonicalize,cse,";
  // Strategy passes mark ops with lowering configurations, the next pass
  // applies them.
  if (!o.tileSizes.empty()) {
    os << "func.func(syna-select-tiling{tile-sizes=";
    llvm::interleave(o.tileSizes, os, ",");
    os << "},syna-tile-and-fuse),";
  }
  if (o.vectorize)
    os << "func.func(syna-select-vectorization{vector-width=" << o.vectorWidth
       << "},syna-vectorize),";
  os << "canonicalize,cse,";
  // After the last CSE: destinations that CSE merged would share a buffer.
  os << "func.func(syna-split-shared-destinations),";
  os << "one-shot-bufferize{bufferize-function-boundaries allow-return-allocs-from-loops "
        "function-boundary-type-conversion=identity-layout-map},"
        "cse,canonicalize,";
  os << "func.func(scf-forall-to-parallel),";
  os << "buffer-deallocation-pipeline,convert-bufferization-to-memref,";
  os << "func.func(convert-linalg-to-loops),";
  os << "syna-math-approximation,";
  os << "func.func(lower-vector-mask,lower-vector-multi-reduction),";
  os << "convert-vector-to-scf{full-unroll=true},";
  if (o.omp)
    os << "convert-scf-to-openmp,syna-omp-schedule,syna-inline-alloca-scopes,canonicalize,";
  os << "convert-scf-to-cf,canonicalize,cse,";
  os << "expand-strided-metadata,lower-affine,";
  os << "convert-vector-to-llvm{enable-x86vector=false},";
  os << "finalize-memref-to-llvm,convert-math-to-llvm,convert-arith-to-llvm,"
        "convert-index-to-llvm,";
  if (o.omp)
    os << "convert-openmp-to-llvm,";
  os << "convert-func-to-llvm,convert-cf-to-llvm,convert-ub-to-llvm,"
        "reconcile-unrealized-casts";
  return s;
}

void ::syna::buildCpuPipeline(OpPassManager &pm, const CpuPipelineOptions &o) {
  if (failed(parsePassPipeline(pipelineString(o), pm, llvm::errs())))
    llvm::report_fatal_error("syna-cpu-pipeline: invalid pipeline");
}

void ::syna::registerCpuPipeline() {
  PassPipelineRegistration<CpuPipelineOptions>(
      "syna-cpu-pipeline",
      "Lower syna to LLVM for the CPU: linalg, fusion, batch tiling "
      "(scf.forall), vectorization, bufferization, OpenMP",
      buildCpuPipeline);
}
