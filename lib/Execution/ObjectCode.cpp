//===- ObjectCode.cpp - lowered modules as relocatable objects ------------===//
//
// See ObjectCode.h and docs/cpu-backend.md ("Object code").
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/ObjectCode.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/SmallVectorMemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "syna/Transforms/Passes.h"

using namespace mlir;

namespace syna {

static llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

llvm::Error lowerToLLVMDialect(ModuleOp module, const CompileOptions &options,
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

CodeTarget CodeTarget::host() {
  CodeTarget target;
  target.triple = llvm::sys::getProcessTriple();
  target.cpu = llvm::sys::getHostCPUName().str();
  std::vector<std::string> features;
  for (const auto &feature : llvm::sys::getHostCPUFeatures())
    features.push_back((feature.second ? "+" : "-") + feature.first().str());
  llvm::sort(features); // StringMap's order is not stable: keys must be
  target.features = llvm::join(features, ",");
  return target;
}

std::string CodeTarget::str() const {
  return triple + " " + cpu + " " + features;
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
  return largest > kMaxPostRAScheduledBlockOps
             ? llvm::CodeGenOptLevel::Less
             : llvm::CodeGenOptLevel::Aggressive;
}

void initializeLLVMTargets() {
  static const bool initialized = [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    return true;
  }();
  (void)initialized;
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CodeTarget &target, ModuleOp module) {
  initializeLLVMTargets();
  CodeTarget resolved = target.isHost() ? CodeTarget::host() : target;
  llvm::Triple triple(llvm::Triple::normalize(resolved.triple));
  std::string problem;
  const llvm::Target *backEnd =
      llvm::TargetRegistry::lookupTarget(triple, problem);
  if (!backEnd)
    return err("no LLVM back end for the triple '" + resolved.triple +
               "': " + problem);
  if (!triple.isArch64Bit())
    return err("the triple '" + resolved.triple +
               "' is not a 64-bit target; syna generates 64-bit index code");
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      backEnd->createMCSubtargetInfo(triple, resolved.cpu, ""));
  if (!resolved.cpu.empty() && !subtarget->isCPUStringValid(resolved.cpu))
    return err("LLVM does not know the CPU '" + resolved.cpu +
               "' of the triple '" + resolved.triple + "'");
  // A multiply feeding an add becomes one fused multiply-add where the
  // target has it: one rounding instead of two, and half the instructions
  // of every convolution, dense layer and gradient (docs/cpu-backend.md,
  // "Code generation").
  llvm::TargetOptions options;
  options.AllowFPOpFusion = llvm::FPOpFusion::Fast;
  std::unique_ptr<llvm::TargetMachine> machine(backEnd->createTargetMachine(
      triple, resolved.cpu, resolved.features, options,
      llvm::Reloc::PIC_, std::nullopt, codeGenOptLevelFor(module)));
  if (!machine)
    return err("LLVM cannot create a target machine for '" + resolved.str() +
               "'");
  return machine;
}

std::string packedEntryName(llvm::StringRef function) {
  return ("_syna_packed_" + function).str();
}

/// `void _syna_packed_F(void **args)` for every public function F: loads
/// argument i through args[i] and stores a returned value through the
/// pointer after them.
static void addPackedEntryPoints(llvm::Module &module) {
  llvm::LLVMContext &context = module.getContext();
  llvm::Type *pointer = llvm::PointerType::getUnqual(context);
  auto *entryType =
      llvm::FunctionType::get(llvm::Type::getVoidTy(context), {pointer}, false);
  std::vector<llvm::Function *> functions;
  for (llvm::Function &f : module)
    if (!f.isDeclaration() && !f.hasLocalLinkage())
      functions.push_back(&f);
  for (llvm::Function *f : functions) {
    auto *entry =
        llvm::Function::Create(entryType, llvm::GlobalValue::ExternalLinkage,
                               packedEntryName(f->getName()), module);
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "entry", entry));
    llvm::Value *args = entry->getArg(0);
    auto slot = [&](unsigned i) {
      return b.CreateLoad(pointer, b.CreateConstGEP1_64(pointer, args, i));
    };
    llvm::SmallVector<llvm::Value *> operands;
    for (llvm::Argument &arg : f->args())
      operands.push_back(b.CreateLoad(arg.getType(), slot(arg.getArgNo())));
    llvm::Value *result = b.CreateCall(f, operands);
    if (!f->getReturnType()->isVoidTy())
      b.CreateStore(result, slot(f->arg_size()));
    b.CreateRetVoid();
  }
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
emitObject(ModuleOp module, llvm::TargetMachine &machine, bool printLLVMIR) {
  MLIRContext *context = module.getContext();
  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  registerOpenMPDialectTranslation(registry);
  context->appendDialectRegistry(registry);

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext);
  if (!llvmModule)
    return err("translating the lowered module to LLVM IR failed (see the "
               "diagnostics above)");
  llvmModule->setDataLayout(machine.createDataLayout());
  llvmModule->setTargetTriple(machine.getTargetTriple());
  addPackedEntryPoints(*llvmModule);
  if (llvm::Error e =
          makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, &machine)(
              llvmModule.get()))
    return std::move(e);
  if (printLLVMIR)
    llvmModule->print(llvm::errs(), nullptr);

  llvm::SmallVector<char, 0> object;
  llvm::raw_svector_ostream stream(object);
  llvm::legacy::PassManager codegen;
  if (machine.addPassesToEmitFile(codegen, stream, nullptr,
                                  llvm::CodeGenFileType::ObjectFile))
    return err("LLVM cannot emit object files for " +
               machine.getTargetTriple().str());
  codegen.run(*llvmModule);
  return std::make_unique<llvm::SmallVectorMemoryBuffer>(
      std::move(object), "syna-object", /*RequiresNullTerminator=*/false);
}

} // namespace syna
