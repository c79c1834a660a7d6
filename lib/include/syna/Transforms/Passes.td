//===- Passes.td - syna transformation passes -------------*- tablegen -*-===//
#ifndef SYNA_TRANSFORMS_PASSES_TD
#define SYNA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SurprisalRewrite : Pass<"syna-surprisal-rewrite"> {
  let summary = "Rewrite probability-space synapses and products into surprisal-space sums";
  let description = [{
    Rewrites each `syna.synapse_dense` into `syna.surprisal_synapse_dense`,
    each `syna.synapse` into `syna.surprisal_synapse`, and
    `syna.surprisal(a · b)` into `syna.surprisal(a) + syna.surprisal(b)`
    (synann-math §2). Each rewritten synapse converts its operands with
    `syna.surprisal` and its result back with `syna.prob`; the folder
    `surprisal(prob(s)) = s` then removes the conversions between
    consecutive synapses, so a chain stays in surprisal space and converts
    back only at its boundaries. A chain of probability-space synapse tensors
    underflows (the product of many factors below one); its surprisal-space
    form is a sum and stays finite. Results are unchanged up to rounding.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

def FuseElementwise : Pass<"syna-fuse-elementwise"> {
  let summary = "Fuse elementwise linalg producers into their consumers";
  let description = [{
    Fuses an elementwise (all-parallel) `linalg.generic` producer into a
    consumer `linalg.generic` when the consumer reads each producer element
    exactly once per iteration (its indexing map for the operand is a
    permutation of the consumer's loops): elementwise chains become one
    loop nest and an elementwise consumer of the synapse tensor fuses into
    its epilogue, with no intermediate tensor. Producers read by a
    reduction with a broadcasting map (x[b, j] in the synapse reduction over
    (b, j, i)) are not fused here, since that would recompute them n times:
    `syna-tile-and-vectorize` fuses them per batch tile instead.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

def TileAndVectorize : Pass<"syna-tile-and-vectorize", "mlir::func::FuncOp"> {
  let summary = "Tile linalg ops over the batch into scf.forall with producer fusion, then vectorize";
  let description = [{
    1. Every top-level linalg op whose first loop is parallel becomes the
       root of an `scf.forall` over tiles of its leading loops: tiles of
       `tile-sizes` along a dynamic (batch) loop; along a static one (the
       output channels of a weight gradient, whose batch is reduced), the
       smallest divisor of the extent that makes at most four tiles. Its
       linalg producers are fused into the tile (computed on the tile's
       slice), except producers whose whole result every tile needs
       (e.g. βᵀ) and producers that other ops also read (a forward
       activation that the backward pass reads), which stay outside and are
       computed once. Tile-local temporaries replace the full intermediate
       tensors. Loop nests whose estimated trip count (a dynamic extent
       counts as a batch of 100) is below `min-parallel-work` stay serial,
       since a fork and a join would cost more, unless they are batch ops
       whose tile fuses a larger producer (an elementwise epilogue).
    2. With `vectorize`, each linalg.generic with static loop bounds is tiled
       to 1×…×1×w (w = `vector-width` or the largest power of two dividing
       the innermost extent, at least 4) and vectorized; others are left for
       `convert-linalg-to-loops`. An op whose last loop is parallel and that
       has reduction loops is tiled with the reductions innermost and up to
       four vectors of outputs per tile. A window op (convolution, pooling)
       whose innermost window loop does not vectorize is vectorized along
       the loop of its results' last dimension (ow, up to `vector-width`
       whole), with the tile loops outside the window loops.
       Register blocking: a window op, or a reduction whose vector tile is
       narrower than two vectors (the ow lanes of a weight gradient), also
       takes a block of up to two other parallel loops: one that an input
       read along the vector loop does not depend on (output channels: the
       input row is reused), and one that the input varying along the first
       does not depend on (rows, kernel columns). Of the blocks with at most
       25 accumulators, the one with the most multiply-adds per loaded
       operand wins. Without a block, a row of up to two vectors is taken
       whole. The accumulators' reads and writes are then hoisted out of the
       reduction loops (not for per-sample scalars, where the analysis is
       slowest), so the accumulators are loop-carried vectors (registers)
       with independent dependency chains. A tile whose combiner the
       vectorizer does not recognise (the synapse tensor's mantissa–exponent
       step) is vectorized after its unit loops are dropped, which makes it
       elementwise.
  }];
  let options = [
    ListOption<"tileSizes", "tile-sizes", "int64_t",
               "tile sizes of the leading parallel loops (empty: no forall)">,
    Option<"vectorize", "vectorize", "bool", "true",
           "vectorize the innermost loop">,
    Option<"vectorWidth", "vector-width", "int64_t", "16",
           "vector width in elements">,
    Option<"minParallelWork", "min-parallel-work", "int64_t", "65536",
           "loop nests with fewer estimated iterations (a dynamic extent counts as 100) stay serial">
  ];
  let dependentDialects = [
    "mlir::scf::SCFDialect", "mlir::vector::VectorDialect",
    "mlir::tensor::TensorDialect", "mlir::linalg::LinalgDialect",
    "mlir::affine::AffineDialect", "mlir::arith::ArithDialect"
  ];
}

def MathApproximation : Pass<"syna-math-approximation"> {
  let summary = "Replace math ops by vectorizable polynomial approximations";
  let description = [{
    Applies the math dialect's polynomial approximations (exp, expm1, log,
    log1p, tanh, ... for f32, scalars and vectors), so transcendental
    functions vectorize instead of becoming one libm call per element.
    Functions left over without an exact LLVM intrinsic (f64 log1p, expm1,
    tanh, ...) become libm calls.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect", "mlir::math::MathDialect",
                           "mlir::vector::VectorDialect", "mlir::LLVM::LLVMDialect",
                           "mlir::x86vector::X86VectorDialect",
                           "mlir::func::FuncDialect"];
}

def OmpSchedule : Pass<"syna-omp-schedule"> {
  let summary = "Set the schedule of OpenMP worksharing loops";
  let description = [{
    `convert-scf-to-openmp` leaves the schedule unspecified (static). With
    `dynamic`, batch tiles go to whichever thread is free, so one thread that
    the OS preempts on a busy machine does not hold the others at the
    barrier.
  }];
  let options = [
    Option<"dynamic", "dynamic", "bool", "true",
           "schedule(dynamic) instead of the default static schedule">
  ];
  let dependentDialects = ["mlir::omp::OpenMPDialect"];
}

def InlineAllocaScopes : Pass<"syna-inline-alloca-scopes"> {
  let summary = "Inline memref.alloca_scope ops that hold no stack allocation";
  let description = [{
    `convert-scf-to-openmp` wraps each parallel loop body in a
    `memref.alloca_scope`. The canonicalizer keeps a scope whose body holds
    an op without memory effects, such as the `func.call` of a libm function
    (f64 `log1p`), and `convert-scf-to-cf` then breaks the scope's
    single-block region. A call allocates in its callee's frame only, so
    this pass inlines every scope without a stack allocation (`memref.alloca`
    or an op of unknown effects other than a call).
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def ConvertToF64 : Pass<"syna-convert-to-f64", "mlir::ModuleOp"> {
  let summary = "Rewrite every float of a module to f64";
  let description = [{
    Rewrites f16, bf16 and f32 to f64 in the types of values, block
    arguments and functions and in type and float attributes (constants,
    parameter types and initial values). The result computes the same
    graphs in double precision: `syna-run gradcheck` compares gradients
    with central finite differences in it (docs/autodiff.md).
  }];
}

#endif // SYNA_TRANSFORMS_PASSES_TD
