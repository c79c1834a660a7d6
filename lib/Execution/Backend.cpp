//===- Backend.cpp - the registry of targets ------------------------------===//
#include "syna/Execution/Backend.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ManagedStatic.h"
#include <mutex>

namespace syna {

Executable::~Executable() = default;
Backend::~Backend() = default;

namespace {
struct Registry {
  std::mutex mutex;
  llvm::StringMap<BackendFactory> factories;
};
llvm::ManagedStatic<Registry> registry;
} // namespace

void registerBackend(llvm::StringRef target, BackendFactory factory) {
  std::lock_guard<std::mutex> lock(registry->mutex);
  registry->factories[target] = std::move(factory);
}

std::vector<std::string> registeredTargets() {
  std::lock_guard<std::mutex> lock(registry->mutex);
  std::vector<std::string> targets;
  for (const auto &entry : registry->factories)
    targets.push_back(entry.getKey().str());
  llvm::sort(targets);
  return targets;
}

llvm::Expected<std::unique_ptr<Backend>> createBackend(llvm::StringRef target) {
  BackendFactory factory;
  {
    std::lock_guard<std::mutex> lock(registry->mutex);
    auto it = registry->factories.find(target);
    if (it != registry->factories.end())
      factory = it->second;
  }
  if (factory)
    return factory();
  std::string known;
  for (const std::string &name : registeredTargets())
    known += (known.empty() ? "" : ", ") + name;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "unknown target '" + target.str() +
                                     "' (targets: " + known + ")");
}

void registerCpuBackend(); // CpuBackend.cpp

void registerBuiltinBackends() {
  static std::once_flag once;
  std::call_once(once, [] { registerCpuBackend(); });
}

} // namespace syna
