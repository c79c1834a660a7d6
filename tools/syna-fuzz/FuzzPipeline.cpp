//===- FuzzPipeline.cpp - fuzz target: MLIR through the CPU pipeline ------===//
//
// What syna-opt does with a .mlir file: any byte string is parsed as MLIR;
// a module that parses and verifies is compiled as syna-run compiles it
// (the train, eval and predict steps when it has a syna.model, then the
// CPU pipeline), which must end in a diagnostic or in LLVM IR, never in a
// crash, a hang or a sanitizer report. The options vary with the input's
// size, so that every option path is taken. Built with libFuzzer as
// `syna-fuzz-pipeline` (SYNA_ENABLE_FUZZ=ON, clang) and without it as
// `syna-fuzz-pipeline-replay`, which test/Fuzz/pipeline-replay.test runs
// over the corpus (tools/syna-fuzz/README.md).
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/InitAll.h"
#include "syna/ParseMlir.h"
#include "syna/Training/Passes.h"
#include "syna/Transforms/CompileOptions.h"
#include "syna/Transforms/Passes.h"

#include <array>
#include <cstdint>
#include <utility>
#include <cstdlib>

using namespace mlir;

namespace {

const DialectRegistry &registry() {
  static const DialectRegistry *instance = [] {
    auto *r = new DialectRegistry();
    syna::registerAllDialects(*r);
    return r;
  }();
  return *instance;
}

/// One of four option sets: tiling and vectorization on and off, a
/// narrow and a wide vector, product blocks of 1 and 4.
syna::CompileOptions optionsFor(size_t size) {
  syna::CompileOptions options;
  switch (size % 4) {
  case 1:
    options.tileSizes = {3};
    options.vectorWidth = 4;
    options.productBlock = 1;
    break;
  case 2:
    options.tileSizes.clear();
    options.vectorize = false;
    options.fuse = false;
    break;
  case 3:
    options.vectorWidth = 16;
    options.omp = false;
    options.surprisal = true;
    break;
  default:
    break;
  }
  return options;
}

/// libFuzzer learns only from code compiled with its instrumentation, and
/// the syna libraries and libMLIR.so may be built without it. Each kind of
/// op in a parsed module, and each stage an input reaches, therefore calls
/// one of these functions, whose entries are instrumented: an input with an
/// op kind or an outcome not seen before is kept in the corpus.
template <size_t N> [[gnu::noinline]] void reached() {
  static volatile size_t count;
  count = count + 1;
}
template <size_t... N>
constexpr std::array<void (*)(), sizeof...(N)>
makeReached(std::index_sequence<N...>) {
  return {&reached<N>...};
}
constexpr auto kReached = makeReached(std::make_index_sequence<96>());
enum Stage : size_t { kParsed = 64, kCompiled, kRejected };

void noteOps(ModuleOp module) {
  module->walk([](Operation *op) {
    kReached[llvm::hash_value(op->getName().getStringRef()) % kParsed]();
  });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext context(registry(), MLIRContext::Threading::DISABLED);
  // Every diagnostic is an acceptable answer; only crashes are findings.
  ScopedDiagnosticHandler quiet(&context, [](Diagnostic &) { return success(); });
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  OwningOpRef<ModuleOp> module =
      syna::parseMlirModule(text, "fuzz.mlir", context);
  if (!module)
    return 0;
  kReached[kParsed]();
  noteOps(*module);
  PassManager pm(&context);
  if ((*module)->hasAttr(syna::kModelAttrName)) {
    pm.addPass(syna::createSynaBuildTrainStep());
    pm.addPass(syna::createSynaBuildEvalStep());
    pm.addPass(syna::createSynaExposeParams());
  }
  syna::buildCpuPipeline(pm, optionsFor(size));
  kReached[succeeded(pm.run(*module)) ? kCompiled : kRejected]();
  return 0;
}
