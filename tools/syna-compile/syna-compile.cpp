//===- syna-compile.cpp - a syna graph as a C library ---------------------===//
//
//   syna-compile FILE --graph G [--checkpoint CKPT] [--triple T] [--cpu C]
//                [--threads serial|openmp] -o DIR [compile options]
//
// writes DIR/libG.a (the graph's object code, parameters embedded as
// constants in their domains) and DIR/G.h (its C API). The library needs
// libc and libm at run time, and libomp with --threads openmp; nothing of
// MLIR or LLVM. See docs/deploy.md.
//
//===----------------------------------------------------------------------===//
#include "CHeader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Transforms/Passes.h"
#include "syna/Conversion/Passes.h"
#include "syna/Data/InputLimits.h"
#include "syna/Data/Safetensors.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Execution/ModelSession.h"
#include "syna/Execution/ObjectCode.h"
#include "syna/InitAll.h"
#include "syna/ToolSupport.h"
#include "syna/Transforms/CompileOptions.h"
#include "syna/Transforms/TargetInfo.h"
#include "llvm/Object/ArchiveWriter.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace {

cl::opt<std::string> file(cl::Positional, cl::desc("<FILE.syna or .mlir>"),
                          cl::Required, cl::cat(syna::toolOptionCategory()));
cl::opt<std::string> graphName("graph",
                               cl::desc("the graph to compile (may be left "
                                        "out when the module has one)"),
                               cl::cat(syna::toolOptionCategory()));
cl::opt<std::string>
    checkpointPath("checkpoint",
                   cl::desc("parameters to embed (a syna-run train "
                            "checkpoint); default: their seeded initial values"),
                   cl::cat(syna::toolOptionCategory()));
cl::opt<std::string> outputDir("o", cl::desc("output directory"), cl::Required,
                               cl::value_desc("DIR"), cl::cat(syna::toolOptionCategory()));
cl::opt<std::string> triple("triple",
                            cl::desc("target triple, e.g. aarch64-linux-gnu "
                                     "(default: this host)"),
                            cl::cat(syna::toolOptionCategory()));
cl::opt<std::string> cpu("cpu",
                         cl::desc("target CPU, e.g. cortex-a72 (default: this "
                                  "host's, or the triple's generic CPU)"),
                         cl::cat(syna::toolOptionCategory()));
enum class Threads { Serial, OpenMP };
/// --threads. libLLVM registers an undocumented `--threads=<int>` of its
/// own, so this option is created in main, after that one is removed.
Threads threads = Threads::Serial;

int fail(const llvm::Twine &message) {
  llvm::errs() << "syna-compile: error: " << message << "\n";
  return 1;
}
int fail(llvm::Error error) { return fail(llvm::toString(std::move(error))); }

llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// The module with `graph` alone public, renamed `compiledName`, its
/// parameters frozen, lowered to the LLVM dialect.
llvm::Error prepare(ModuleOp module, func::FuncOp graph,
                    llvm::StringRef compiledName,
                    const syna::CompileOptions &options, TimingScope *timing) {
  // The model's training setup names its graph, which may be another.
  module->removeAttr(syna::kModelAttrName);
  for (auto f : module.getOps<func::FuncOp>())
    if (f != graph)
      f.setPrivate();
  if (failed(SymbolTable(module).rename(graph, compiledName)))
    return err("cannot rename @" + graph.getSymName());
  PassManager pm(module.getContext());
  pm.addPass(createSymbolDCEPass());
  syna::SynaFreezeParamsOptions freeze;
  freeze.seed = options.seed;
  pm.addPass(syna::createSynaFreezeParams(freeze));
  if (failed(pm.run(module)))
    return err("freezing the parameters failed (see the diagnostics above)");
  return syna::lowerToLLVMDialect(module, options, timing);
}

/// The compile options of the command line, for `target`: serial or OpenMP
/// threads, and the target's vector width unless --vector-width gives one.
llvm::Expected<syna::CompileOptions>
optionsFor(const llvm::TargetMachine &machine) {
  syna::CompileOptions options = syna::compileOptionsFromFlags();
  if (options.target != "cpu")
    return err("--target " + options.target +
               ": syna-compile compiles for the CPU (--target cpu) only");
  if (syna::compileFlagGiven("omp"))
    return err("give --threads serial|openmp, not --omp/--no-omp");
  options.omp = threads == Threads::OpenMP;
  if (!syna::compileFlagGiven("vector-width") && !triple.empty()) {
    // NEON and the RISC-V V extension's minimum both hold 4 f32 lanes; the
    // host's width applies when compiling for the host.
    const llvm::Triple &t = machine.getTargetTriple();
    options.vectorWidth = t.isX86() ? syna::TargetInfo::host().vectorWidth : 4;
  }
  if (llvm::Error e = options.validate())
    return std::move(e);
  return options;
}

llvm::Error writeLibrary(llvm::StringRef name, llvm::MemoryBuffer &object,
                         llvm::StringRef header) {
  if (std::error_code code = llvm::sys::fs::create_directories(outputDir))
    return err("cannot create " + outputDir + ": " + code.message());
  std::string member = (name + ".o").str();
  std::vector<llvm::NewArchiveMember> members(1);
  members[0].Buf = llvm::MemoryBuffer::getMemBuffer(object.getBuffer(), member,
                                                    false);
  members[0].MemberName = member;
  auto archive = llvm::writeArchiveToBuffer(
      members, llvm::SymtabWritingMode::NormalSymtab,
      llvm::object::Archive::K_GNU, /*Deterministic=*/true, /*Thin=*/false);
  if (!archive)
    return archive.takeError();
  llvm::SmallString<256> library(outputDir), headerPath(outputDir);
  llvm::sys::path::append(library, "lib" + name + ".a");
  llvm::sys::path::append(headerPath, name + ".h");
  auto write = [](llvm::StringRef path, llvm::StringRef bytes) {
    return syna::data::writeFileAtomically(
        path, [&](llvm::raw_ostream &os) -> llvm::Error {
          os << bytes;
          return llvm::Error::success();
        });
  };
  if (llvm::Error e = write(library, (*archive)->getBuffer()))
    return e;
  return write(headerPath, header);
}

int compile() {
  DialectRegistry registry;
  syna::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  OwningOpRef<ModuleOp> module = syna::loadModule(file, context);
  if (!module)
    return 1;
  llvm::Expected<std::string> selected = syna::selectGraph(*module, graphName);
  if (!selected)
    return fail(selected.takeError());
  std::string name = *selected;
  llvm::Expected<syna::GraphSignature> signature =
      syna::graphSignature(*module, name);
  if (!signature)
    return fail(signature.takeError());
  auto graph = module->lookupSymbol<func::FuncOp>(name);
  if (!checkpointPath.empty()) {
    llvm::Expected<syna::data::Checkpoint> checkpoint =
        syna::data::readSafetensors(checkpointPath);
    if (!checkpoint)
      return fail(checkpoint.takeError());
    if (llvm::Error e =
            syna::setThetaFromCheckpoint(*module, *checkpoint, checkpointPath))
      return fail(std::move(e));
  }

  syna::CodeTarget target;
  target.triple = triple;
  target.cpu = cpu;
  if (triple.empty() && !cpu.empty())
    target.triple = llvm::sys::getProcessTriple();
  // A first target machine checks the target and gives its vector width;
  // code is generated by one made for the lowered module, whose block sizes
  // choose the code generation level (ObjectCode.h).
  auto machine = syna::createTargetMachine(target, *module);
  if (!machine)
    return fail(machine.takeError());
  llvm::Expected<syna::CompileOptions> options = optionsFor(**machine);
  if (!options)
    return fail(options.takeError());

  syna::tool::CInterface interface;
  interface.function = name;
  interface.compiledFunction = "__syna_graph_" + name;
  interface.signature = *signature;
  interface.description =
      "graph @" + name + " of " + llvm::sys::path::filename(file).str() +
      (checkpointPath.empty()
           ? std::string(", initial parameters (seed ") +
                 std::to_string(options->seed) + ")"
           : ", parameters of " + llvm::sys::path::filename(checkpointPath).str()) +
      ", for " + (*machine)->getTargetTriple().str() +
      (threads == Threads::OpenMP ? " with OpenMP threads" : ", serial");
  llvm::Expected<std::string> header = syna::tool::writeCHeader(interface);
  if (!header)
    return fail(header.takeError());
  // --timing: the passes of the lowering and LLVM's part.
  DefaultTimingManager timingManager;
  timingManager.setEnabled(options->timing);
  TimingScope root = timingManager.getRootScope();
  if (llvm::Error e = prepare(*module, graph, interface.compiledFunction,
                              *options, options->timing ? &root : nullptr))
    return fail(std::move(e));
  TimingScope codegen = root.nest("LLVM translation, optimization and code generation");
  machine = syna::createTargetMachine(target, *module);
  if (!machine)
    return fail(machine.takeError());
  auto object = syna::emitObject(*module, **machine, options->printLLVMIR);
  if (!object)
    return fail(object.takeError());
  codegen.stop();
  if (llvm::Error e = writeLibrary(name, **object, *header))
    return fail(std::move(e));
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  syna::registerAllPasses();
  syna::registerCompileOptionFlags();
  syna::prepareCommandLine("syna-compile");
  if (cl::Option *llvmThreads = cl::getRegisteredOptions().lookup("threads"))
    llvmThreads->removeArgument();
  // Compile options that do not apply here: the cache is syna-run's, and
  // --threads says whether OpenMP is used.
  for (llvm::StringRef flag : {"no-cache", "no-omp"})
    if (cl::Option *option = cl::getRegisteredOptions().lookup(flag))
      option->setHiddenFlag(cl::Hidden);
  cl::opt<Threads, /*ExternalStorage=*/true> threadsFlag(
      "threads", cl::desc("how parallel loops run"), cl::location(threads),
      cl::init(Threads::Serial),
      cl::values(clEnumValN(Threads::Serial, "serial", "on the calling thread"),
                 clEnumValN(Threads::OpenMP, "openmp",
                            "on OpenMP threads (link with libomp)")),
      cl::cat(syna::toolOptionCategory()));
  cl::ParseCommandLineOptions(
      argc, argv,
      "syna-compile: compile a syna graph to a static library with a C API\n\n"
      "  syna-compile FILE --graph G [--checkpoint CKPT] [--triple T] "
      "[--cpu C] [--threads serial|openmp] -o DIR\n\n"
      "writes DIR/libG.a and DIR/G.h (docs/deploy.md)\n");
  return compile();
}
