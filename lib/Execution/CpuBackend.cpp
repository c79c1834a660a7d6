//===- CpuBackend.cpp - the CPU target: syna-cpu-pipeline and LLVM's JIT --===//
//
// Lowers through the syna-cpu-pipeline (docs/cpu-backend.md), JIT-compiles
// with MLIR's ExecutionEngine and calls functions through their packed
// wrappers. Host arrays are passed without copies; returned buffers are
// copied out and freed.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/Backend.h"
#include "syna/Execution/MemoryBudget.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "syna/Transforms/Passes.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>

using namespace mlir;

namespace syna {
namespace {

llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// A memref descriptor as the packed wrappers take it: allocated and aligned
/// pointers, offset, sizes and strides, all 8 bytes wide.
std::vector<int64_t> descriptorOf(const HostArray &array) {
  size_t rank = array.shape.size();
  std::vector<int64_t> words(3 + 2 * rank, 0);
  void *data = const_cast<uint8_t *>(array.data.data());
  std::memcpy(&words[0], &data, 8);
  std::memcpy(&words[1], &data, 8);
  int64_t stride = 1;
  for (size_t k = rank; k-- > 0;) {
    words[3 + k] = array.shape[k];
    words[3 + rank + k] = stride;
    stride *= array.shape[k];
  }
  return words;
}

/// Copies the result described by `words` into a host array, row-major.
HostArray copyResult(const ValueSpec &spec, const int64_t *words) {
  size_t rank = spec.shape.size();
  void *aligned;
  std::memcpy(&aligned, &words[1], 8);
  HostArray out;
  out.dtype = spec.dtype;
  out.shape.assign(words + 3, words + 3 + rank);
  size_t elementSize = dtypeSize(spec.dtype);
  out.data.resize(out.numElements() * elementSize);
  const uint8_t *base =
      static_cast<const uint8_t *>(aligned) + words[2] * elementSize;
  const int64_t *strides = words + 3 + rank;
  bool rowMajor = true;
  for (int64_t k = rank, stride = 1; k-- > 0; stride *= out.shape[k])
    rowMajor &= out.shape[k] == 1 || strides[k] == stride;
  if (rowMajor) {
    if (!out.data.empty())
      std::memcpy(out.data.data(), base, out.data.size());
    return out;
  }
  for (int64_t i = 0, e = out.numElements(); i < e; ++i) {
    int64_t rest = i, offset = 0;
    for (size_t k = rank; k-- > 0;) {
      offset += (rest % out.shape[k]) * strides[k];
      rest /= out.shape[k];
    }
    std::memcpy(out.data.data() + i * elementSize, base + offset * elementSize,
                elementSize);
  }
  return out;
}

class JitExecutable : public Executable {
public:
  explicit JitExecutable(std::unique_ptr<ExecutionEngine> engine)
      : engine(std::move(engine)) {}

  llvm::Expected<std::vector<HostArray>>
  call(const GraphSignature &function,
       llvm::ArrayRef<HostArray> inputs) override;

private:
  std::unique_ptr<ExecutionEngine> engine;
};

llvm::Expected<std::vector<HostArray>>
JitExecutable::call(const GraphSignature &function,
                    llvm::ArrayRef<HostArray> inputs) {
  // Each memref argument expands to its descriptor's words; the packed
  // wrapper takes a pointer to each. The results (a struct of descriptors)
  // are stored through the function's first argument, a pointer to the
  // result buffer (syna-return-through-memory, docs/cpu-backend.md).
  size_t words = 0;
  for (const ValueSpec &result : function.results)
    words += 3 + 2 * result.shape.size();
  std::vector<int64_t> result(std::max<size_t>(words, 1), 0);
  void *resultBuffer = result.data();
  std::vector<std::vector<int64_t>> storage;
  storage.reserve(inputs.size());
  llvm::SmallVector<void *> args;
  if (!function.results.empty())
    args.push_back(&resultBuffer);
  llvm::SmallVector<const void *> inputData;
  for (auto [i, spec] : llvm::enumerate(function.inputs)) {
    if (spec.kind == ValueSpec::Scalar) {
      storage.emplace_back(1, 0);
      std::memcpy(storage.back().data(), inputs[i].data.data(),
                  dtypeSize(inputs[i].dtype));
      args.push_back(storage.back().data());
      continue;
    }
    storage.push_back(descriptorOf(inputs[i]));
    inputData.push_back(inputs[i].data.data());
    for (int64_t &word : storage.back())
      args.push_back(&word);
  }
  if (llvm::Error e = engine->invokePacked(function.name, args))
    return std::move(e);

  std::vector<HostArray> outputs;
  llvm::SmallVector<void *> freed;
  const int64_t *at = result.data();
  for (const ValueSpec &spec : function.results) {
    outputs.push_back(copyResult(spec, at));
    // Returned buffers belong to the caller, except views of inputs and of
    // globals (whose allocated pointer is the 0xdeadbeef sentinel).
    void *allocated;
    std::memcpy(&allocated, at, 8);
    if (allocated && allocated != reinterpret_cast<void *>(0xdeadbeef) &&
        !llvm::is_contained(inputData, allocated) &&
        !llvm::is_contained(freed, allocated)) {
      freed.push_back(allocated);
      std::free(allocated);
    }
    at += 3 + 2 * spec.shape.size();
  }
  return outputs;
}

class CpuBackend : public Backend {
public:
  llvm::StringRef name() const override { return "cpu"; }
  llvm::Expected<std::unique_ptr<Executable>>
  compile(ModuleOp module, const CompileOptions &options,
          TimingScope *timing) override;

private:
  llvm::Error lower(ModuleOp module, const CompileOptions &options,
                    TimingScope *timing);
  llvm::Expected<std::unique_ptr<ExecutionEngine>>
  jit(ModuleOp module, const CompileOptions &options);
};

llvm::Error CpuBackend::lower(ModuleOp module, const CompileOptions &options,
                              TimingScope *timing) {
  MLIRContext *context = module.getContext();
  PassManager pm(context);
  buildCpuPipeline(pm, options);
  if (options.printIRAfterAll) {
    context->disableMultithreading();
    pm.enableIRPrinting([](Pass *, Operation *) { return false; },
                        [](Pass *, Operation *) { return true; },
                        /*printModuleScope=*/true,
                        /*printAfterOnlyOnChange=*/true);
  }
  std::optional<TimingScope> lowering;
  if (timing) {
    lowering.emplace(timing->nest("lowering (syna-cpu-pipeline)"));
    pm.enableTiming(*lowering);
  }
  if (failed(pm.run(module)))
    return err("lowering failed (see the diagnostics above)");
  return llvm::Error::success();
}

/// LLVM's post-RA list scheduler, which -O3 code generation runs for the
/// cores whose scheduling model asks for it (Zen 3 and 4 among them), takes
/// time quadratic in a basic block's size: three quarters of the compile of
/// a circuit with 500 states, whose step is one block of about 10 000 ops.
/// A module with a block beyond this size is generated at -O1, which skips
/// that scheduler and keeps the rest; the IR is optimized at -O3 either way.
/// The largest block of the examples' train steps (2 000 ops) is well below
/// it (docs/cpu-backend.md, "Circuits").
constexpr size_t kMaxPostRAScheduledBlockOps = 4096;

static llvm::CodeGenOptLevel codeGenOptLevelFor(ModuleOp module) {
  size_t largest = 0;
  module.walk([&](Block *block) {
    largest = std::max(largest, block->getOperations().size());
  });
  return largest > kMaxPostRAScheduledBlockOps ? llvm::CodeGenOptLevel::Less
                                               : llvm::CodeGenOptLevel::Aggressive;
}

llvm::Expected<std::unique_ptr<ExecutionEngine>>
CpuBackend::jit(ModuleOp module, const CompileOptions &options) {
  MLIRContext *context = module.getContext();
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  registerBuiltinDialectTranslation(*context);
  registerLLVMDialectTranslation(*context);
  registerOpenMPDialectTranslation(*context);
  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  llvm::CodeGenOptLevel codeGenLevel = codeGenOptLevelFor(module);
  machineBuilder->setCodeGenOptLevel(codeGenLevel);
  auto machine = machineBuilder->createTargetMachine();
  if (!machine)
    return machine.takeError();
  // The transformer is a function_ref: keep the std::function alive.
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, machine->get());
  bool printLLVM = options.printLLVMIR;
  std::function<llvm::Error(llvm::Module *)> transform =
      [&](llvm::Module *m) -> llvm::Error {
    if (llvm::Error e = optimize(m))
      return e;
    if (printLLVM)
      m->print(llvm::errs(), nullptr);
    return llvm::Error::success();
  };
  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = transform;
  // For profiling: `perf record -k 1`, then `perf inject --jit` names the
  // JIT-compiled functions (docs/tools.md).
  engineOptions.enablePerfNotificationListener =
      std::getenv("SYNA_PERF_JITDUMP") != nullptr;
  engineOptions.jitCodeGenOptLevel = codeGenLevel;
  // memrefCopy and friends for non-contiguous copies; libomp for OpenMP.
  llvm::SmallVector<llvm::StringRef> libraries = {SYNA_C_RUNNER_UTILS_PATH};
  if (options.omp)
    libraries.push_back(SYNA_LIBOMP_PATH);
  engineOptions.sharedLibPaths = libraries;
  auto engine = ExecutionEngine::create(module, engineOptions, std::move(*machine));
  if (!engine)
    return engine.takeError();
  // Materialize every function now, so code generation is timed here.
  for (auto f : module.getOps<LLVM::LLVMFuncOp>())
    if (!f.isExternal())
      if (auto fn = (*engine)->lookupPacked(f.getName()); !fn)
        llvm::consumeError(fn.takeError());
  return std::move(*engine);
}

llvm::Expected<std::unique_ptr<Executable>>
CpuBackend::compile(ModuleOp module, const CompileOptions &options,
                    TimingScope *timing) {
  if (llvm::Error e = options.validate())
    return std::move(e);
  // Parameters and static intermediates are allocated in host memory.
  if (failed(checkTensorsFit(module, hostMemoryBytes())))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the model does not fit this machine's "
                                   "memory (see the diagnostics above)");
  if (llvm::Error e = lower(module, options, timing))
    return std::move(e);
  std::optional<TimingScope> codegen;
  if (timing)
    codegen.emplace(
        timing->nest("LLVM translation, optimization and code generation"));
  auto engine = jit(module, options);
  if (!engine)
    return engine.takeError();
  return std::make_unique<JitExecutable>(std::move(*engine));
}

} // namespace

void registerCpuBackend() {
  registerBackend("cpu", [] { return std::make_unique<CpuBackend>(); });
}

} // namespace syna
