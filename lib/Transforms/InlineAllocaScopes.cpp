//===- InlineAllocaScopes.cpp - drop alloca scopes without stack allocation ===//
//
// convert-scf-to-openmp wraps every parallel loop body in a
// memref.alloca_scope. The canonicalizer inlines a scope only when nothing in
// it may allocate on the stack, and it counts every op without memory effects
// (func.call of a libm function such as f64 log1p) as such an allocation. A
// scope left around scf.for loops then fails to verify once convert-scf-to-cf
// gives its region several blocks. A call allocates in its callee's frame,
// never in the caller's scope, so only real stack allocations keep a scope.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace syna {
#define GEN_PASS_DEF_INLINEALLOCASCOPES
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

/// Whether `op` may allocate in the automatic allocation scope around it.
bool mayAllocateOnStack(Operation *op) {
  if (isa<CallOpInterface>(op) || op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
    return false;
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return true;
  SmallVector<MemoryEffects::EffectInstance> instances;
  effects.getEffects(instances);
  return llvm::any_of(instances, [](const MemoryEffects::EffectInstance &e) {
    return isa<MemoryEffects::Allocate>(e.getEffect()) &&
           isa<SideEffects::AutomaticAllocationScopeResource>(e.getResource());
  });
}

bool hasStackAllocation(memref::AllocaScopeOp scope) {
  return scope.getBodyRegion()
      .walk<WalkOrder::PreOrder>([&](Operation *op) {
        if (op->hasTrait<OpTrait::AutomaticAllocationScope>())
          return WalkResult::skip();
        return mayAllocateOnStack(op) ? WalkResult::interrupt()
                                      : WalkResult::advance();
      })
      .wasInterrupted();
}

struct InlineAllocaScopesPass
    : ::syna::impl::InlineAllocaScopesBase<InlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation()->walk([&](memref::AllocaScopeOp scope) {
      if (scope.getResults().empty() &&
          scope.getBodyRegion().hasOneBlock() && !hasStackAllocation(scope))
        scopes.push_back(scope);
    });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      Block &body = scope.getBodyRegion().front();
      rewriter.eraseOp(body.getTerminator());
      rewriter.inlineBlockBefore(&body, scope);
      rewriter.eraseOp(scope);
    }
  }
};

} // namespace
