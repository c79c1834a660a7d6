//===- SynaLoweringAttrs.td - tiling and vectorization configs -*- tablegen -*-===//
//
// Lowering configurations: the tiling strategy passes (syna-select-tiling,
// syna-select-vectorization) record their choices in these attributes, as
// discardable attributes `syna.tiling` and `syna.vectorization` on linalg
// ops; the transformation passes (syna-tile-and-fuse, syna-vectorize) apply
// them and remove them. docs/cpu-backend.md describes the rules.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_LOWERING_ATTRS_TD
#define SYNA_LOWERING_ATTRS_TD

include "syna/Dialect/Syna/IR/SynaDialect.td"
include "mlir/IR/BuiltinAttributes.td"

def Syna_TilingAttr : Syna_Attr<"Tiling", "tiling"> {
  let summary = "parallel tiling of a root op into an scf.forall";
  let description = [{
    `#syna.tiling<tile_sizes = [10]>` on a top-level linalg op (as the
    discardable attribute `syna.tiling`) makes it the root of an
    `scf.forall` over tiles of its leading loops, `tile_sizes[i]` iterations
    of loop i per tile (0: loop i is not tiled); loops past the end of the
    list are not tiled. `syna-tile-and-fuse` builds the loop and fuses the
    root's producers into it.
  }];
  let parameters = (ins
    AttrParameter<"::mlir::DenseI64ArrayAttr",
                  "iterations per tile of each leading loop (0: not tiled)">:$tile_sizes);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Syna_VectorizationAttr : Syna_Attr<"Vectorization", "vectorization"> {
  let summary = "vector tiling of a linalg op";
  let description = [{
    `#syna.vectorization<vector_loop = 3, tile_sizes = [1, 0, 8, 16],
    interchange = [0, 2, 3, 1]>` on a linalg op (as the discardable
    attribute `syna.vectorization`): `syna-vectorize` tiles loop i by
    `tile_sizes[i]` (0: the whole loop stays in the tile), visiting the tile
    loops in the order `interchange` (a permutation of the op's loops), and
    vectorizes the tile. `vector_loop` is the loop whose tile extent is the
    vector's innermost dimension (contiguous lanes); the other loops with a
    tile size above 1 are register blocks (several independent vector
    accumulators). When the vector loop's tile size does not divide its
    extent, the iterations beyond the last whole tile form an op of their
    own, tiled alike except that the vector loop stays whole.
  }];
  let parameters = (ins
    AttrParameter<"int64_t", "the loop of the vector's lanes">:$vector_loop,
    AttrParameter<"::mlir::DenseI64ArrayAttr",
                  "tile size of every loop (0: the whole loop)">:$tile_sizes,
    AttrParameter<"::mlir::DenseI64ArrayAttr",
                  "order of the tile loops, outermost first">:$interchange);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // SYNA_LOWERING_ATTRS_TD
