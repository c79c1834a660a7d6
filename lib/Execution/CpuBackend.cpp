//===- CpuBackend.cpp - the CPU target: syna-cpu-pipeline and LLVM's JIT --===//
//
// Lowers through the syna-cpu-pipeline (docs/cpu-backend.md) to an object
// file (ObjectCode.h), kept in the compile cache, links it into an ORC JIT
// and calls functions through their packed entry points. Host arrays are
// passed without copies; returned buffers are copied out and freed.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/Backend.h"
#include "syna/Execution/BufferPool.h"
#include "syna/Execution/MemoryBudget.h"

#include "syna/Execution/CompileCache.h"
#include "syna/Execution/ObjectCode.h"

#include "mlir/Pass/PassManager.h"
#include "syna/Transforms/Passes.h"
#include "llvm/ExecutionEngine/JITEventListener.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/RTDyldObjectLinkingLayer.h"
#include "llvm/ExecutionEngine/SectionMemoryManager.h"
#include "llvm/Object/ObjectFile.h"
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

using PackedEntry = void (*)(void **);

class JitExecutable : public Executable {
public:
  JitExecutable(std::unique_ptr<llvm::orc::LLJIT> jit,
                llvm::StringMap<PackedEntry> entries)
      : jit(std::move(jit)), entries(std::move(entries)) {}

  llvm::Expected<std::vector<HostArray>>
  call(const GraphSignature &function,
       llvm::ArrayRef<HostArray> inputs) override;

private:
  std::unique_ptr<llvm::orc::LLJIT> jit;
  /// The packed entry point of every public function, by function name.
  llvm::StringMap<PackedEntry> entries;
};

llvm::Expected<std::vector<HostArray>>
JitExecutable::call(const GraphSignature &function,
                    llvm::ArrayRef<HostArray> inputs) {
  PackedEntry entry = entries.lookup(function.name);
  if (!entry)
    return err("the compiled module has no public function @" + function.name);
  // Each memref argument expands to its descriptor's words; the packed
  // entry takes a pointer to each. The results (a struct of descriptors)
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
  entry(args.data());

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
      bufferPoolFree(allocated);
    }
    at += 3 + 2 * spec.shape.size();
  }
  return outputs;
}

/// Binds the `malloc`, `calloc` (LLVM's form of a malloc and a memset to
/// zero) and `free` that compiled code calls to the buffer pool
/// (BufferPool.h), ahead of the process's own, which the library generators
/// would otherwise find.
llvm::Error bindHeapToBufferPool(llvm::orc::LLJIT &jit) {
  auto symbol = [](auto *function) {
    return llvm::orc::ExecutorSymbolDef(
        llvm::orc::ExecutorAddr::fromPtr(function),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable);
  };
  llvm::orc::SymbolMap heap;
  heap[jit.mangleAndIntern("malloc")] = symbol(&bufferPoolAllocate);
  heap[jit.mangleAndIntern("calloc")] = symbol(&bufferPoolAllocateZeroed);
  heap[jit.mangleAndIntern("free")] = symbol(&bufferPoolFree);
  return jit.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(heap)));
}

/// The functions of `object` that have packed entry points.
llvm::Expected<std::vector<std::string>>
packedFunctionsOf(llvm::MemoryBufferRef object) {
  auto file = llvm::object::ObjectFile::createObjectFile(object);
  if (!file)
    return file.takeError();
  std::vector<std::string> functions;
  std::string prefix = packedEntryName("");
  for (const llvm::object::SymbolRef &symbol : (*file)->symbols()) {
    llvm::Expected<llvm::StringRef> name = symbol.getName();
    if (!name)
      return name.takeError();
    if (name->starts_with(prefix))
      functions.push_back(name->drop_front(prefix.size()).str());
  }
  return functions;
}

/// Links `object` into a fresh JIT together with the libraries its calls
/// need: this process (libc, libm), MLIR's C runner utilities (memrefCopy
/// for non-contiguous copies) and, with `omp`, libomp; resolves every packed
/// entry point, so that a missing symbol fails here and not in a call.
llvm::Expected<std::unique_ptr<Executable>>
linkObject(std::unique_ptr<llvm::MemoryBuffer> object, bool omp) {
  llvm::Expected<std::vector<std::string>> functions =
      packedFunctionsOf(object->getMemBufferRef());
  if (!functions)
    return functions.takeError();
  initializeLLVMTargets();
  auto jit =
      llvm::orc::LLJITBuilder()
          .setObjectLinkingLayerCreator([](llvm::orc::ExecutionSession &session)
                                            -> llvm::Expected<std::unique_ptr<
                                                llvm::orc::ObjectLayer>> {
            auto layer = std::make_unique<llvm::orc::RTDyldObjectLinkingLayer>(
                session, [](const llvm::MemoryBuffer &) {
                  return std::make_unique<llvm::SectionMemoryManager>();
                });
            // For profiling: `perf record -k 1`, then `perf inject --jit`
            // names the JIT-compiled functions (docs/tools.md).
            if (std::getenv("SYNA_PERF_JITDUMP"))
              if (llvm::JITEventListener *perf =
                      llvm::JITEventListener::createPerfJITEventListener())
                layer->registerJITEventListener(*perf);
            return layer;
          })
          .create();
  if (!jit)
    return jit.takeError();
  llvm::orc::JITDylib &dylib = (*jit)->getMainJITDylib();
  char prefix = (*jit)->getDataLayout().getGlobalPrefix();
  if (llvm::Error e = bindHeapToBufferPool(**jit))
    return std::move(e);
  llvm::SmallVector<const char *> libraries = {SYNA_C_RUNNER_UTILS_PATH};
  if (omp)
    libraries.push_back(SYNA_LIBOMP_PATH);
  for (const char *library : libraries) {
    auto generator =
        llvm::orc::DynamicLibrarySearchGenerator::Load(library, prefix);
    if (!generator)
      return generator.takeError();
    dylib.addGenerator(std::move(*generator));
  }
  if (llvm::Error e = (*jit)->addObjectFile(std::move(object)))
    return std::move(e);
  llvm::StringMap<PackedEntry> entries;
  for (const std::string &function : *functions) {
    auto address = (*jit)->lookup(packedEntryName(function));
    if (!address)
      return address.takeError();
    entries[function] = address->toPtr<PackedEntry>();
  }
  return std::make_unique<JitExecutable>(std::move(*jit), std::move(entries));
}

class CpuBackend : public Backend {
public:
  llvm::StringRef name() const override { return "cpu"; }
  llvm::Expected<std::unique_ptr<Executable>>
  compile(ModuleOp module, const CompileOptions &options,
          TimingScope *timing) override;

private:
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
  compileToObject(ModuleOp module, const CompileOptions &options,
                  TimingScope *timing);
};

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
CpuBackend::compileToObject(ModuleOp module, const CompileOptions &options,
                            TimingScope *timing) {
  if (llvm::Error e = lowerToLLVMDialect(module, options, timing))
    return std::move(e);
  std::optional<TimingScope> codegen;
  if (timing)
    codegen.emplace(
        timing->nest("LLVM translation, optimization and code generation"));
  auto machine = createTargetMachine(CodeTarget(), module);
  if (!machine)
    return machine.takeError();
  return emitObject(module, **machine, options.printLLVMIR);
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
  // Printing the IR asks for the compile itself: those runs bypass the
  // cache.
  std::optional<CompileCache> cache;
  if (options.cache && !options.printIRAfterAll && !options.printLLVMIR)
    cache = CompileCache::openDefault();
  std::string key;
  std::unique_ptr<llvm::MemoryBuffer> object;
  if (cache) {
    std::optional<TimingScope> lookup;
    if (timing)
      lookup.emplace(timing->nest("compile cache lookup"));
    key = CompileCache::key(module, options, CodeTarget::host());
    object = cache->lookup(key);
  }
  if (!object) {
    auto compiled = compileToObject(module, options, timing);
    if (!compiled)
      return compiled.takeError();
    object = std::move(*compiled);
    // A cache that cannot be written costs the next run a compile, no more.
    if (cache)
      if (llvm::Error e = cache->store(key, object->getBuffer()))
        llvm::errs() << "syna: warning: " << llvm::toString(std::move(e))
                     << "\n";
  }
  std::optional<TimingScope> linking;
  if (timing)
    linking.emplace(timing->nest("linking the object (JIT)"));
  return linkObject(std::move(object), options.omp);
}

} // namespace

void registerCpuBackend() {
  registerBackend("cpu", [] { return std::make_unique<CpuBackend>(); });
}

} // namespace syna
