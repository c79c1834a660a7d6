//===- Runner.cpp - load, compile and execute syna modules ----------------===//
#include "syna/Execution/Runner.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Frontend/Import.h"
#include "syna/Transforms/Passes.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>
#include <cstdlib>
#include <cstring>

using namespace mlir;
using llvm::createStringError;
using llvm::inconvertibleErrorCode;

namespace syna {

static llvm::Error err(const llvm::Twine &msg) {
  return createStringError(inconvertibleErrorCode(), msg.str());
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp> loadModule(llvm::StringRef path, MLIRContext &context) {
  if (!path.ends_with(".syna"))
    return parseSourceFile<ModuleOp>(path, &context);
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input = mlir::openInputFile(path, &error);
  if (!input) {
    emitError(UnknownLoc::get(&context)) << error;
    return nullptr;
  }
  frontend::SourceFile file(path.str(), input->getBuffer().str());
  return frontend::importSynaFile(file, context, llvm::errs());
}

//===----------------------------------------------------------------------===//
// Signatures and validation
//===----------------------------------------------------------------------===//

std::string ValueSpec::describe() const {
  std::string s;
  llvm::raw_string_ostream os(s);
  if (kind == Scalar)
    return dtypeName(dtype).str() + " scalar";
  os << "tensor<";
  for (int64_t d : shape)
    os << (ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d)) << "x";
  os << dtypeName(dtype) << ">";
  return s;
}

static std::optional<DType> dtypeOf(Type t) {
  if (t.isF32())
    return DType::F32;
  if (t.isF64())
    return DType::F64;
  if (t.isInteger(32) || t.isIndex())
    return t.isIndex() ? DType::I64 : DType::I32;
  if (t.isInteger(64))
    return DType::I64;
  return std::nullopt;
}

static llvm::Expected<ValueSpec> specOf(Type t) {
  ValueSpec s;
  if (auto tensor = dyn_cast<RankedTensorType>(t)) {
    auto d = dtypeOf(tensor.getElementType());
    if (!d)
      return err("unsupported element type");
    s.dtype = *d;
    s.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
    return s;
  }
  auto d = dtypeOf(t);
  if (!d)
    return err("unsupported type");
  s.kind = ValueSpec::Scalar;
  s.dtype = *d;
  return s;
}

llvm::Expected<GraphSignature> graphSignature(ModuleOp module,
                                                    llvm::StringRef graph) {
  auto func = module.lookupSymbol<func::FuncOp>(graph);
  if (!func || func.isExternal()) {
    std::string names;
    for (auto f : module.getOps<func::FuncOp>())
      if (!f.isExternal())
        names += (names.empty() ? "" : ", ") + ("@" + f.getSymName()).str();
    return err("no graph @" + graph + " in the module (graphs: " +
               (names.empty() ? "none" : names) + ")");
  }
  GraphSignature sig;
  sig.name = graph.str();
  for (auto [i, t] : llvm::enumerate(func.getArgumentTypes())) {
    auto s = specOf(t);
    if (!s)
      return err("input " + llvm::Twine(i) + " of @" + graph + " has type " +
                 llvm::Twine(llvm::toString(s.takeError())) +
                 " that syna-run cannot pass");
    sig.inputs.push_back(*s);
  }
  for (auto [i, t] : llvm::enumerate(func.getResultTypes())) {
    auto s = specOf(t);
    if (!s || s->kind != ValueSpec::Tensor) {
      if (!s)
        llvm::consumeError(s.takeError());
      return err("result " + llvm::Twine(i) + " of @" + graph +
                 " must be a tensor of f32, f64, i32 or i64");
    }
    sig.results.push_back(*s);
  }
  return sig;
}


llvm::Error validateInputs(const GraphSignature &sig,
                                 std::vector<HostArray> &inputs) {
  if (inputs.size() != sig.inputs.size()) {
    std::string expected;
    for (auto [i, s] : llvm::enumerate(sig.inputs))
      expected += "\n  input " + std::to_string(i) + ": " + s.describe();
    return err("@" + sig.name + " takes " + llvm::Twine(sig.inputs.size()) +
               " input(s) but " + llvm::Twine(inputs.size()) +
               " were given" +
               (inputs.size() < sig.inputs.size() ? " (missing input " +
                    llvm::Twine(inputs.size()) + ")" : llvm::Twine("")) +
               "; expected:" + expected);
  }
  std::optional<int64_t> batch;
  size_t batchFrom = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ValueSpec &s = sig.inputs[i];
    HostArray &a = inputs[i];
    std::string what = "input " + std::to_string(i) + " of @" + sig.name +
                       " (" + s.describe() + ")";
    if (isFloat(a.dtype) != isFloat(s.dtype))
      return err(what + " cannot take " + dtypeName(a.dtype) + " values");
    if (s.kind == ValueSpec::Scalar) {
      if (a.numElements() != 1 || !a.shape.empty())
        return err(what + " is a scalar but got shape " + a.shapeString());
    } else {
      if (a.shape.size() != s.shape.size())
        return err(what + " has rank " + llvm::Twine(s.shape.size()) +
                   " but got shape " + a.shapeString());
      for (size_t d = 0; d < s.shape.size(); ++d)
        if (!ShapedType::isDynamic(s.shape[d]) && s.shape[d] != a.shape[d])
          return err(what + ": dimension " + llvm::Twine(d) + " must be " +
                     llvm::Twine(s.shape[d]) + " but got shape " +
                     a.shapeString());
      if (!s.shape.empty() && ShapedType::isDynamic(s.shape[0])) {
        if (batch && *batch != a.shape[0])
          return err(what + " has batch " + llvm::Twine(a.shape[0]) +
                     " but input " + llvm::Twine(batchFrom) + " has batch " +
                     llvm::Twine(*batch));
        batch = a.shape[0];
        batchFrom = i;
      }
    }
    if (a.dtype != s.dtype)
      a = a.convertedTo(s.dtype);
  }
  return llvm::Error::success();
}

static std::string indexString(llvm::ArrayRef<int64_t> shape, int64_t flat) {
  std::vector<int64_t> idx(shape.size());
  for (int64_t d = (int64_t)shape.size() - 1; d >= 0; --d) {
    idx[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::string s = "[";
  for (size_t i = 0; i < idx.size(); ++i)
    s += (i ? ", " : "") + std::to_string(idx[i]);
  return s + "]";
}

/// Where `op` comes from, as file:line:col when it has one.
static std::string sourceOf(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto flc = op->getLoc()->findInstanceOf<FileLineColLoc>())
    os << flc.getFilename().getValue() << ":" << flc.getLine() << ":"
       << flc.getColumn();
  else
    op->getLoc().print(os);
  return text;
}

llvm::Error checkDomains(ModuleOp module, llvm::StringRef graph,
                         const std::vector<HostArray> &inputs) {
  auto func = module.lookupSymbol<func::FuncOp>(graph);
  if (!func || func.isExternal())
    return llvm::Error::success();
  for (BlockArgument arg : func.getArguments()) {
    if (arg.getArgNumber() >= inputs.size())
      break;
    const HostArray &a = inputs[arg.getArgNumber()];
    for (OpOperand &use : arg.getUses()) {
      Operation *user = use.getOwner();
      std::optional<OperandDomain> domain =
          getOperandDomain(user, use.getOperandNumber());
      if (!domain)
        continue;
      Interval interval = operandInterval(user, *domain);
      for (int64_t i = 0, e = a.numElements(); i < e; ++i) {
        double v = a.at(i);
        if (contains(interval, v))
          continue;
        return err("input " + llvm::Twine(arg.getArgNumber()) + " of @" +
                   graph + ": element " + indexString(a.shape, i) + " = " +
                   llvm::formatv("{0}", llvm::format("%g", v)).str() +
                   " lies outside " + describe(interval) +
                   ", the domain of operand '" + domain->name + "' of " +
                   user->getName().getStringRef() + " at " + sourceOf(user));
      }
    }
  }
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

CompiledModule::~CompiledModule() = default;

llvm::Expected<std::unique_ptr<CompiledModule>>
CompiledModule::compile(ModuleOp module, const CompileOptions &o,
                        TimingScope *timing) {
  MLIRContext *ctx = module.getContext();
  PassManager pm(ctx);
  CpuPipelineOptions po;
  po.surprisal = o.surprisal;
  po.fuse = o.fuse;
  po.vectorize = o.vectorize;
  po.omp = o.omp;
  po.vectorWidth = o.vectorWidth;
  po.tileSizes = o.tileSizes;
  po.seed = o.seed;
  po.productBlock = o.productBlock;
  buildCpuPipeline(pm, po);
  if (o.printIRAfterAll) {
    ctx->disableMultithreading();
    pm.enableIRPrinting(
        [](Pass *, Operation *) { return false; },
        [](Pass *, Operation *) { return true; },
        /*printModuleScope=*/true, /*printAfterOnlyOnChange=*/true);
  }
  std::optional<TimingScope> lowering;
  if (timing) {
    lowering.emplace(timing->nest("lowering (syna-cpu-pipeline)"));
    pm.enableTiming(*lowering);
  }
  if (failed(pm.run(module)))
    return err("lowering failed (see the diagnostics above)");
  if (lowering)
    lowering->stop();

  std::optional<TimingScope> jitTime;
  if (timing)
    jitTime.emplace(timing->nest("LLVM translation, optimization and code generation"));
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  registerBuiltinDialectTranslation(*ctx);
  registerLLVMDialectTranslation(*ctx);
  registerOpenMPDialectTranslation(*ctx);

  auto tmBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!tmBuilder)
    return tmBuilder.takeError();
  tmBuilder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto tm = tmBuilder->createTargetMachine();
  if (!tm)
    return tm.takeError();
  // The transformer is a function_ref: keep the std::function alive.
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(o.optLevel, /*sizeLevel=*/0, tm->get());
  bool printLLVM = o.printLLVMIR;
  std::function<llvm::Error(llvm::Module *)> transform =
      [&](llvm::Module *m) -> llvm::Error {
    if (auto e = optimize(m))
      return e;
    if (printLLVM)
      m->print(llvm::errs(), nullptr);
    return llvm::Error::success();
  };
  ExecutionEngineOptions eo;
  eo.transformer = transform;
  // For profiling: `perf record -k 1`, then `perf inject --jit` names the
  // JIT-compiled functions (docs/tools.md).
  eo.enablePerfNotificationListener = std::getenv("SYNA_PERF_JITDUMP") != nullptr;
  eo.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  llvm::SmallVector<llvm::StringRef> libs;
  // memrefCopy and friends for non-contiguous copies; libomp for OpenMP.
  std::string runnerUtils = SYNA_C_RUNNER_UTILS_PATH;
  std::string omp = SYNA_LIBOMP_PATH;
  libs.push_back(runnerUtils);
  if (o.omp)
    libs.push_back(omp);
  eo.sharedLibPaths = libs;
  auto engine = ExecutionEngine::create(module, eo, std::move(*tm));
  if (!engine)
    return engine.takeError();
  std::unique_ptr<CompiledModule> compiled(new CompiledModule());
  compiled->engine = std::move(*engine);
  // Materialize every graph now, so code generation is timed here.
  for (auto f : module.getOps<LLVM::LLVMFuncOp>()) {
    if (f.isExternal())
      continue;
    auto fn = compiled->engine->lookupPacked(f.getName());
    if (!fn)
      llvm::consumeError(fn.takeError());
  }
  return compiled;
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

llvm::Expected<std::vector<HostArray>>
CompiledModule::invoke(const GraphSignature &sig,
                       const std::vector<HostArray> &inputs) {
  // Each memref argument expands to (allocated, aligned, offset, sizes...,
  // strides...); the packed wrapper takes a pointer to each of them, then a
  // pointer to the result (a descriptor or a struct of descriptors; all
  // fields are 8 bytes).
  std::vector<std::vector<int64_t>> storage;
  storage.reserve(inputs.size());
  llvm::SmallVector<void *> args;
  llvm::SmallVector<const void *> inputPtrs;
  for (auto [i, spec] : llvm::enumerate(sig.inputs)) {
    const HostArray &a = inputs[i];
    if (spec.kind == ValueSpec::Scalar) {
      storage.emplace_back(1, 0);
      std::memcpy(storage.back().data(), a.data.data(), dtypeSize(a.dtype));
      args.push_back(storage.back().data());
      continue;
    }
    size_t rank = a.shape.size();
    storage.emplace_back(3 + 2 * rank, 0);
    std::vector<int64_t> &d = storage.back();
    void *ptr = const_cast<uint8_t *>(a.data.data());
    inputPtrs.push_back(ptr);
    std::memcpy(&d[0], &ptr, 8);
    std::memcpy(&d[1], &ptr, 8);
    d[2] = 0;
    int64_t stride = 1;
    for (size_t k = rank; k-- > 0;) {
      d[3 + k] = a.shape[k];
      d[3 + rank + k] = stride;
      stride *= a.shape[k];
    }
    for (size_t k = 0; k < d.size(); ++k)
      args.push_back(&d[k]);
  }
  size_t words = 0;
  for (const ValueSpec &r : sig.results)
    words += 3 + 2 * r.shape.size();
  std::vector<int64_t> result(std::max<size_t>(words, 1), 0);
  if (!sig.results.empty())
    args.push_back(result.data());
  if (auto e = engine->invokePacked(sig.name, args))
    return std::move(e);

  std::vector<HostArray> outputs;
  size_t at = 0;
  llvm::SmallVector<void *> freed;
  for (const ValueSpec &r : sig.results) {
    size_t rank = r.shape.size();
    void *allocated, *aligned;
    std::memcpy(&allocated, &result[at], 8);
    std::memcpy(&aligned, &result[at + 1], 8);
    int64_t offset = result[at + 2];
    HostArray out;
    out.dtype = r.dtype;
    for (size_t k = 0; k < rank; ++k)
      out.shape.push_back(result[at + 3 + k]);
    size_t es = dtypeSize(r.dtype);
    out.data.resize(out.numElements() * es);
    const uint8_t *base = static_cast<const uint8_t *>(aligned) + offset * es;
    bool rowMajor = true;
    for (int64_t k = rank, stride = 1; k-- > 0; stride *= out.shape[k])
      rowMajor &= out.shape[k] == 1 || result[at + 3 + rank + k] == stride;
    if (rowMajor && !out.data.empty())
      std::memcpy(out.data.data(), base, out.data.size());
    for (int64_t i = 0, e = rowMajor ? 0 : out.numElements(); i < e; ++i) {
      int64_t rem = i, off = 0;
      for (size_t k = rank; k-- > 0;) {
        off += (rem % out.shape[k]) * result[at + 3 + rank + k];
        rem /= out.shape[k];
      }
      std::memcpy(out.data.data() + i * es, base + off * es, es);
    }
    // Returned buffers belong to the caller, except views of inputs and of
    // globals (whose allocated pointer is the 0xdeadbeef sentinel).
    if (allocated && allocated != (void *)0xdeadbeef &&
        !llvm::is_contained(inputPtrs, allocated) &&
        !llvm::is_contained(freed, allocated)) {
      freed.push_back(allocated);
      std::free(allocated);
    }
    outputs.push_back(std::move(out));
    at += 3 + 2 * rank;
  }
  return outputs;
}

} // namespace syna
