//===- ReturnThroughMemory.cpp - results stored, not returned as one value ===//
//
// func-to-llvm returns a function's results as one struct of memref
// descriptors. LLVM's code generation lowers the return of such a value
// into a store per field joined by one token factor, which its DAG combiner
// revisits per field: time quadratic in the number of results (a circuit
// with 1000 states returns 5000 fields). Public functions, the ones the
// host calls, instead take a pointer to the result struct as their first
// argument and store each field there; their callers inside the module
// pass a stack slot and load what they read (docs/cpu-backend.md,
// "Calling convention").
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"

namespace syna {
#define GEN_PASS_DEF_RETURNTHROUGHMEMORY
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

/// Stores every scalar field of `value` (of the result type `root`, at the
/// indices `path` within it) through `out`.
void storeFields(OpBuilder &builder, Location loc, Value out, Type root,
                 Value value, SmallVectorImpl<int64_t> &path) {
  Type type = value.getType();
  auto recurse = [&](size_t count) {
    for (size_t i = 0; i < count; ++i) {
      path.push_back(i);
      Value field = builder.createOrFold<LLVM::ExtractValueOp>(
          loc, value, ArrayRef<int64_t>{static_cast<int64_t>(i)});
      storeFields(builder, loc, out, root, field, path);
      path.pop_back();
    }
  };
  if (auto structType = dyn_cast<LLVM::LLVMStructType>(type))
    return recurse(structType.getBody().size());
  if (auto arrayType = dyn_cast<LLVM::LLVMArrayType>(type))
    return recurse(arrayType.getNumElements());
  SmallVector<LLVM::GEPArg> indices = {0};
  for (int64_t i : path)
    indices.push_back(static_cast<int32_t>(i));
  Value address = LLVM::GEPOp::create(builder, loc,
                                      LLVM::LLVMPointerType::get(builder.getContext()),
                                      root, out, indices);
  LLVM::StoreOp::create(builder, loc, value, address);
}

/// Makes `function` store its result through a new first argument.
void storeResults(LLVM::LLVMFuncOp function) {
  LLVM::LLVMFunctionType type = function.getFunctionType();
  Type result = type.getReturnType();
  auto pointer = LLVM::LLVMPointerType::get(function.getContext());
  SmallVector<Type> params = {pointer};
  llvm::append_range(params, type.getParams());
  function.setFunctionType(LLVM::LLVMFunctionType::get(
      LLVM::LLVMVoidType::get(function.getContext()), params, type.isVarArg()));
  if (ArrayAttr argAttrs = function.getArgAttrsAttr()) {
    SmallVector<Attribute> attrs = {DictionaryAttr::get(function.getContext())};
    llvm::append_range(attrs, argAttrs);
    function.setArgAttrsAttr(ArrayAttr::get(function.getContext(), attrs));
  }
  function.setResAttrsAttr(nullptr);
  Value out = function.getBody().front().insertArgument(0u, pointer,
                                                        function.getLoc());
  function.walk([&](LLVM::ReturnOp ret) {
    OpBuilder builder(ret);
    SmallVector<int64_t> path;
    storeFields(builder, ret.getLoc(), out, result, ret.getArg(), path);
    LLVM::ReturnOp::create(builder, ret.getLoc(), ValueRange());
    ret.erase();
  });
}

/// Rewrites a call of a function that now stores its result: the result
/// goes to a stack slot of the caller, whose readers load what they read.
void rewriteCall(LLVM::CallOp call, Type result) {
  auto caller = call->getParentOfType<LLVM::LLVMFuncOp>();
  OpBuilder builder = OpBuilder::atBlockBegin(&caller.getBody().front());
  Location loc = call.getLoc();
  auto pointer = LLVM::LLVMPointerType::get(call.getContext());
  Value one = LLVM::ConstantOp::create(builder, loc, builder.getI64Type(),
                                       builder.getI64IntegerAttr(1));
  Value slot = LLVM::AllocaOp::create(builder, loc, pointer, result, one);
  builder.setInsertionPoint(call);
  SmallVector<Value> operands = {slot};
  llvm::append_range(operands, call.getArgOperands());
  auto stored = LLVM::CallOp::create(builder, loc, TypeRange(),
                                     call.getCalleeAttr(), operands);
  builder.setInsertionPointAfter(stored);
  Value whole;
  for (OpOperand &use : llvm::make_early_inc_range(call.getResult().getUses())) {
    auto extract = dyn_cast<LLVM::ExtractValueOp>(use.getOwner());
    if (!extract) {
      if (!whole)
        whole = LLVM::LoadOp::create(builder, loc, result, slot);
      use.set(whole);
      continue;
    }
    SmallVector<LLVM::GEPArg> indices = {0};
    for (int64_t i : extract.getPosition())
      indices.push_back(static_cast<int32_t>(i));
    OpBuilder at(extract);
    Value address =
        LLVM::GEPOp::create(at, loc, pointer, result, slot, indices);
    extract.replaceAllUsesWith(
        LLVM::LoadOp::create(at, loc, extract.getType(), address).getResult());
    extract.erase();
  }
  call.erase();
}

struct ReturnThroughMemoryPass
    : ::syna::impl::ReturnThroughMemoryBase<ReturnThroughMemoryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // A function whose address is taken keeps its type: an indirect call
    // could not be rewritten.
    llvm::StringSet<> addressTaken;
    module.walk([&](LLVM::AddressOfOp op) {
      addressTaken.insert(op.getGlobalName());
    });
    llvm::StringMap<Type> rewritten;
    for (auto function : module.getOps<LLVM::LLVMFuncOp>()) {
      Type result = function.getFunctionType().getReturnType();
      if (function.isExternal() || function.isPrivate() ||
          function.getLinkage() != LLVM::Linkage::External ||
          isa<LLVM::LLVMVoidType>(result) ||
          addressTaken.contains(function.getName()))
        continue;
      rewritten[function.getName()] = result;
      storeResults(function);
    }
    SmallVector<LLVM::CallOp> calls;
    module.walk([&](LLVM::CallOp call) {
      if (std::optional<StringRef> callee = call.getCallee())
        if (rewritten.contains(*callee))
          calls.push_back(call);
    });
    for (LLVM::CallOp call : calls)
      rewriteCall(call, rewritten.lookup(*call.getCallee()));
  }
};

} // namespace
