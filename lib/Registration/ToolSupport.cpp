//===- ToolSupport.cpp - what every syna tool's command line shares -------===//
#include "syna/ToolSupport.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

namespace cl = llvm::cl;

namespace syna {

void prepareCommandLine(llvm::StringRef tool) {
  static std::string name;
  name = tool.str();
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << name << " (syna " << SYNA_VERSION << ")\n"
       << "  built with LLVM and MLIR " << LLVM_VERSION_STRING << "\n"
       << "  host: " << llvm::sys::getProcessTriple() << ", CPU "
       << llvm::sys::getHostCPUName() << "\n";
  });
  for (auto &entry : cl::getRegisteredOptions(cl::SubCommand::getTopLevel())) {
    cl::Option *option = entry.second;
    llvm::StringRef flag = entry.first;
    if (option->getOptionHiddenFlag() != cl::NotHidden ||
        llvm::is_contained(option->Categories, &toolOptionCategory()) ||
        flag.starts_with("help") || flag == "version")
      continue;
    option->setHiddenFlag(cl::Hidden);
  }
}

} // namespace syna
