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
    (docs/math.md §2). Each rewritten synapse converts its operands with
    `syna.surprisal` and its result back with `syna.prob`; the folder
    `surprisal(prob(s)) = s` then removes the conversions between
    consecutive synapses, so a chain stays in surprisal space and converts
    back only at its boundaries. A chain of probability-space synapse tensors
    underflows (the product of many factors below one); its surprisal-space
    form is a sum and stays finite. Results are unchanged up to rounding.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

def FoldConstantTransposes : Pass<"syna-fold-constant-transposes"> {
  let summary = "transpose constant tensors at compile time";
  let description = [{
    Replaces a `linalg.transpose` of an `arith.constant` with the transposed
    constant. The lowering of `dense` transposes its weight matrix on every
    call (so that the reduction reads it contiguously); when the weights are
    constants, as in a library of `syna-compile` whose parameters are
    frozen (docs/deploy.md), that transpose is done once here: at batch 1
    it was a third of the SynaCNN's inference time. Constants of more than
    2^24 elements are left alone, to bound the compile time.
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
    `syna-tile-and-fuse` fuses them per batch tile instead.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

def SelectTiling : Pass<"syna-select-tiling", "mlir::func::FuncOp"> {
  let summary = "Choose the roots of parallel tiling and their tile sizes";
  let description = [{
    The strategy half of parallel tiling (`syna-tile-and-fuse` applies it):
    marks each top-level linalg op that becomes the root of an `scf.forall`
    with `syna.tiling = #syna.tiling<tile_sizes = [...]>`, and changes
    nothing else. Roots are chosen from the last op backwards, the order in
    which `syna-tile-and-fuse` tiles them.

    A root is a tileable linalg op on tensors (every indexing map
    non-decreasing in the loop indices) whose first loop is parallel and
    whose estimated trip count (a dynamic extent counts as 100 iterations)
    reaches `min-parallel-work`: a smaller loop nest stays serial, since a
    fork and a join would cost more than it does. A smaller loop nest with a
    dynamic loop is a root all the same when one of its exclusive producers
    (the ops whose results feed only it) reaches `min-parallel-work`: that
    producer is fused into its tiles and so runs in parallel.

    Tile sizes, one per leading parallel loop that `tile-sizes` covers:
    along a dynamic loop the `tile-sizes` entry; along a static loop the
    smallest divisor of the extent that makes at most two tiles per core
    (every thread gets work, and the dynamic schedule can balance a thread
    that the OS preempts), or the whole extent when no divisor does.

    An op is not a root when a later root's tiles absorb it, i.e. when each
    of its uses will be fused: a producer is fused into a tile when it is
    tileable, is an exclusive producer of the root or a fill, and the tile
    reads only a part of its result (a result dimension indexed by a tiled
    loop). A producer whose whole result every tile reads is computed once,
    outside the loop, and may be a root of its own. Without `tile-sizes`,
    nothing is marked.
  }];
  let options = [
    ListOption<"tileSizes", "tile-sizes", "int64_t",
               "tile sizes of the leading dynamic (batch) loops (empty: no forall)">,
    Option<"minParallelWork", "min-parallel-work", "int64_t", "65536",
           "loop nests with fewer estimated iterations (a dynamic extent counts as 100) stay serial">,
    Option<"cores", "cores", "int64_t", "0",
           "hardware threads of the target (0: the host's)">
  ];
  let dependentDialects = ["::syna::SynaDialect"];
}

def TileAndFuse : Pass<"syna-tile-and-fuse", "mlir::func::FuncOp"> {
  let summary = "Tile the roots marked by syna-select-tiling into scf.forall, fusing their producers";
  let description = [{
    Each top-level op with a `syna.tiling` attribute, last first, becomes the
    root of an `scf.forall` over tiles of its configured sizes
    (`scf::tileConsumerAndFuseProducersUsingSCF`), and the attribute is
    removed. Its linalg producers are fused into the tile (computed on the
    tile's slice) when they are tileable and either feed only the root's
    cone (exclusive producers) or are fills, and the tile reads only part of
    their result. A producer that another op also reads (a forward
    activation that the backward pass reads) or whose whole result every
    tile reads stays outside and is computed once. Temporaries then become
    tile-local (`tensor.empty` of the tile's shape). An op without the
    attribute is left alone; a root that cannot be tiled is left as it is.
  }];
  let dependentDialects = [
    "mlir::scf::SCFDialect", "mlir::tensor::TensorDialect",
    "mlir::linalg::LinalgDialect", "mlir::affine::AffineDialect",
    "mlir::arith::ArithDialect"
  ];
}

def SelectVectorization
    : Pass<"syna-select-vectorization", "mlir::func::FuncOp"> {
  let summary = "Choose the vector tile, register blocks and loop order of linalg ops";
  let description = [{
    The strategy half of vectorization (`syna-vectorize` applies it): marks
    each linalg op on tensors that will be vectorized (generic, fill,
    transpose, copy, and convolutions and poolings, which `syna-vectorize`
    generalizes) with `syna.vectorization = #syna.vectorization<vector_loop,
    tile_sizes, interchange>`, and changes nothing else. It runs after
    `syna-tile-and-fuse` and so sees tile shapes. An op whose loops have no
    vectorizable extent is not marked (it becomes scalar loops). The rules,
    in terms of the target's vector width W (f32 lanes), its number of
    vector registers R and its L2 cache size L:

    - Vector loop: the innermost loop, if a power of two of at least 4 and at
      most W lanes divides its extent; otherwise (a convolution or pooling
      window) the parallel loop that indexes the last dimension of every
      result, if it has at least 4 iterations, so that each vector of
      results accumulates at one address over the whole window.
    - Width w: a row of at most W lanes, whole (a window op's also below 4);
      a longer parallel loop, W lanes, also when W does not divide it:
      `syna-vectorize` peels the last, partial tile off and vectorizes it
      whole, so a row of 14 is 8 + 6 lanes rather than two vectors of 7 or
      scalars; a reduction loop (which cannot be peeled apart), the largest
      power of two in [4, W] that divides it.
    - Chains: an op whose last loop is parallel and that has reduction loops
      is tiled with its reductions innermost, and w doubles while it divides
      the part of the row in whole tiles and stays within C vectors: C
      independent accumulator chains, at most 4 (enough to hide the latency
      of a loop-carried add or multiply) and at most as many as fit in R
      registers when each output vector holds one accumulator per result,
      one operand per input read along the vector loop and one temporary.
    - Register blocks: a window op, and such a reduction when widening ends
      below C vectors (no larger power of two divides the extent), also
      tile up to two other static parallel loops: one that an input read
      along the vector loop does not depend on (output channels: the input
      row is reused), and one that the input varying along the first does
      not depend on (rows, kernel columns). Each block divides its extent; a
      b1×b2 block fits when results·b1·b2 accumulators plus min(b1, b2) + 1
      operands, at ⌈w/W⌉ registers each, fit in R. Of the blocks that fit,
      the one with the most multiply-adds per loaded operand wins (ties:
      more accumulators). When one pass of the reduction loops over that
      block (the reduction loops whole, a dynamic extent bounded by its tile
      or counted as 100) reads more than L/2 bytes of input, each block's
      pass reloads its operands from beyond L2; the block may then take up
      to 2R registers, since spilled accumulators stay in L1 and larger
      blocks need fewer passes. The reduction takes the block, over one
      vector of width w, when that gives more accumulator vectors than
      widening. Without a block, a reduction still short of C vectors takes
      C vectors (or the row's whole vectors, if fewer), the last partial
      tile peeled off. A row of at most C vectors is taken whole, also when
      no power of two divides it.
    - Every other loop is tiled to 1 (unit loops are not tiled).

    The accumulators of the reduction loops then live in registers
    (`syna-vectorize` hoists their reads and writes), with independent
    dependency chains. `vector-width`, `vector-registers` and `l2-cache-kib`
    override the host's values (AVX-512: 16 lanes, 32 registers; AVX2: 8,
    16; SSE: 4, 16; the L2 size that the C library reports, else 512 KiB).
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", "0",
           "vector width in f32 elements (0: the host's)">,
    Option<"vectorRegisters", "vector-registers", "int64_t", "0",
           "number of vector registers (0: the host's)">,
    Option<"l2CacheKiB", "l2-cache-kib", "int64_t", "0",
           "level-2 cache of a core in KiB (0: the host's)">
  ];
  let dependentDialects = ["::syna::SynaDialect"];
}

def Vectorize : Pass<"syna-vectorize", "mlir::func::FuncOp"> {
  let summary = "Tile and vectorize the linalg ops marked by syna-select-vectorization";
  let description = [{
    Each linalg op with a `syna.vectorization` attribute is tiled by its
    `tile_sizes` in the loop order `interchange` (`scf::tileUsingSCF`;
    a named convolution or pooling is generalized first), and the tile is
    vectorized (`linalg::vectorize`); the attribute is removed. When the
    vector loop's tile size does not divide its extent, the tile loop's
    last, partial iteration is peeled off (`scf::peelForLoopAndSimplifyBounds`)
    and, once its bounds fold, vectorized whole as a tile of its own: every
    tile keeps static shapes. A tile that
    the vectorizer does not accept as it is (a window op with unit window
    loops, a reduction whose combiner the vectorizer does not recognise,
    such as a select-based argmax) is vectorized after its unit loops are
    dropped, which makes it elementwise. Then the accumulators of reduction
    loops (a vector written at a place that does not move with the loop)
    are hoisted into loop-carried vectors (`hoistLoopInvariantSubsets`),
    except per-sample scalars, where the analysis is slowest. An op without
    the attribute is left alone (`convert-linalg-to-loops` lowers it).
  }];
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

def LoopStateInPlace : Pass<"syna-loop-state-in-place"> {
  let summary = "Update the tensors that scf.for loops carry in place";
  let description = [{
    Each tensor that an `scf.for` carries (the state variables of a circuit)
    is yielded through `bufferization.materialize_in_destination` into its
    own iteration argument, after every read of the old state: one-shot
    bufferization then keeps each state in one buffer for the whole loop,
    writing the new value over the old, instead of yielding a new buffer per
    state and step. Ownership-based deallocation would otherwise free the
    previous step's buffers at each yield with one `bufferization.dealloc`
    of every state retaining every state, which its simplification resolves
    in time cubic in the number of states (250 states: about a minute). The
    new values are computed into step-local temporaries first, which the
    copy then writes over the state; see docs/cpu-backend.md, "Circuits".
    A loop that already writes into a state (a linalg op or an insert_slice
    with the iteration argument as destination, as the lowering of
    `syna.flip_circuit` does) is left alone. Runs before tiling, so that it
    sees only the loops of the program and of the syna lowering.
  }];
  let dependentDialects = ["mlir::bufferization::BufferizationDialect"];
}

def ReturnThroughMemory : Pass<"syna-return-through-memory", "mlir::ModuleOp"> {
  let summary = "Public LLVM functions store their results through a pointer argument";
  let description = [{
    func-to-llvm returns a function's results as one struct of memref
    descriptors. LLVM's code generation lowers the return of a first-class
    aggregate into a store per field joined by one token factor, which its
    DAG combiner revisits per field: time quadratic in the number of fields
    (a circuit with 1000 states returns 5000, and took 5 s of its 7 s of
    code generation for that alone). Each public `llvm.func` with a result
    instead takes a pointer to the result struct as a new first argument and
    stores each field through it; a call inside the module passes a stack
    slot and loads the fields that the caller reads. The host passes the
    result buffer first (docs/cpu-backend.md, "Calling convention"). Runs
    last, on the LLVM dialect.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
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
