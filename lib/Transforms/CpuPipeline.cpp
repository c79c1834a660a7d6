//===- CpuPipeline.cpp - the syna-cpu-pipeline ----------------------------===//
//
// syna → linalg → fusion → tiling strategy and tiling → vectorization
// strategy and vectorization → one-shot bufferization → OpenMP → polynomial
// math → LLVM dialect, in the order that works on MLIR 22.1
// (docs/cpu-backend.md, "Pipeline"). One builder, typed passes, for both
// syna-opt's `--syna-cpu-pipeline` and the CPU backend.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Vector/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "syna/Conversion/Passes.h"
#include "syna/Training/Passes.h"

using namespace mlir;

namespace syna {

static void addCleanup(OpPassManager &pm) {
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

/// syna → linalg on tensors, fused, tiled and vectorized per the strategy
/// passes: each select pass marks ops with lowering configurations
/// (#syna.tiling, #syna.vectorization) that the next pass applies.
static void addTensorLevelPasses(OpPassManager &pm, const CompileOptions &o) {
  if (o.surprisal) {
    pm.addPass(createSurprisalRewrite());
    pm.addPass(createCanonicalizerPass());
  }
  ConvertSynaToLinalgOptions toLinalg;
  toLinalg.seed = o.seed;
  toLinalg.productBlock = o.productBlock;
  pm.addPass(createConvertSynaToLinalg(toLinalg));
  pm.addPass(createFoldConstantTransposes());
  addCleanup(pm);
  // Before tiling adds loops of its own: the loops of circuits and of the
  // syna lowering keep their states in place (fewer buffers to deallocate).
  pm.addPass(createLoopStateInPlace());
  if (o.fuse) {
    pm.addPass(createFuseElementwise());
    addCleanup(pm);
  }
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  if (!o.tileSizes.empty()) {
    SelectTilingOptions tiling;
    tiling.tileSizes.assign(o.tileSizes.begin(), o.tileSizes.end());
    funcPm.addPass(createSelectTiling(tiling));
    funcPm.addPass(createTileAndFuse());
  }
  if (o.vectorize) {
    SelectVectorizationOptions vectorization;
    vectorization.vectorWidth = o.vectorWidth;
    funcPm.addPass(createSelectVectorization(vectorization));
    funcPm.addPass(createVectorize());
  }
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // After the last CSE: destinations that CSE merged would share a buffer.
  pm.addNestedPass<func::FuncOp>(createSynaSplitSharedDestinations());
}

static void addBufferizationPasses(OpPassManager &pm) {
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createForallToParallelLoopPass());
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());
}

static void addLoopAndVectorLoweringPasses(OpPassManager &pm,
                                           const CompileOptions &o) {
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createMathApproximation());
  pm.addNestedPass<func::FuncOp>(vector::createLowerVectorMaskPass());
  pm.addNestedPass<func::FuncOp>(vector::createLowerVectorMultiReductionPass());
  pm.addPass(createConvertVectorToSCFPass(
      VectorTransferToSCFOptions().enableFullUnroll()));
  if (o.omp) {
    pm.addPass(createConvertSCFToOpenMPPass());
    pm.addPass(createOmpSchedule());
    pm.addPass(createInlineAllocaScopes());
    pm.addPass(createCanonicalizerPass());
  }
  pm.addPass(createSCFToControlFlowPass());
  addCleanup(pm);
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
}

static void addLLVMConversionPasses(OpPassManager &pm, const CompileOptions &o) {
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  if (o.omp)
    pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createReturnThroughMemory());
}

void buildCpuPipeline(OpPassManager &pm, const CompileOptions &options) {
  addTensorLevelPasses(pm, options);
  addBufferizationPasses(pm);
  addLoopAndVectorLoweringPasses(pm, options);
  addLLVMConversionPasses(pm, options);
}

CompileOptions CpuPipelineOptions::toCompileOptions() const {
  CompileOptions options;
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  options.FIELD = FIELD;
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  options.FIELD.assign(FIELD.begin(), FIELD.end());
#include "syna/Transforms/CompileOptions.def"
  return options;
}

void registerCpuPipeline() {
  // Registered by hand rather than with PassPipelineRegistration so that an
  // option out of its range (CompileOptions::validate) is a parse error of
  // the pipeline, not a crash.
  registerPassPipeline(
      "syna-cpu-pipeline",
      "Lower syna to LLVM for the CPU: linalg, fusion, tiling into "
      "scf.forall, vectorization, bufferization, OpenMP",
      [](OpPassManager &pm, StringRef text,
         function_ref<LogicalResult(const Twine &)> errorHandler) {
        CpuPipelineOptions pipelineOptions;
        if (failed(pipelineOptions.parseFromString(text)))
          return failure();
        CompileOptions options = pipelineOptions.toCompileOptions();
        if (llvm::Error error = options.validate())
          return errorHandler("syna-cpu-pipeline: " +
                              llvm::toString(std::move(error)));
        buildCpuPipeline(pm, options);
        return success();
      },
      [](function_ref<void(const mlir::detail::PassOptions &)> optionHandler) {
        optionHandler(CpuPipelineOptions());
      });
}

} // namespace syna
