//===- CompileCache.h - compiled objects kept between runs ------*- C++ -*-===//
//
// syna-run compiles a model's steps in seconds; the same module compiled
// again with the same options for the same machine gives the same object.
// The cache keeps those objects, keyed by a hash of everything that decides
// them, so that a second run only links (docs/tools.md, "Compile cache").
// Entries carry their key, size and a SHA-256 of their bytes: a damaged or
// truncated entry is never loaded, it is removed and compiled again.
// Writers create a unique temporary and rename it, so concurrent runs leave
// whole entries.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_COMPILECACHE_H
#define SYNA_EXECUTION_COMPILECACHE_H

#include "mlir/IR/BuiltinOps.h"
#include "syna/Execution/ObjectCode.h"
#include "syna/Transforms/CompileOptions.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <optional>

namespace syna {

class CompileCache {
public:
  /// `$XDG_CACHE_HOME/syna`, else `$HOME/.cache/syna`; none when neither
  /// variable is set.
  static std::optional<CompileCache> openDefault();
  explicit CompileCache(std::string directory)
      : directory_(std::move(directory)) {}

  /// The key of compiling `module` (before lowering) with `options` for
  /// `target`: a SHA-256 of the module's text with its locations, the
  /// options, the target, LLVM's version and the identity of this syna
  /// executable (its path, size and modification time), in hex.
  static std::string key(mlir::ModuleOp module, const CompileOptions &options,
                         const CodeTarget &target);

  /// The object stored under `key`, or null when there is none or the entry
  /// is damaged (it is removed then).
  std::unique_ptr<llvm::MemoryBuffer> lookup(llvm::StringRef key) const;
  /// Stores `object` under `key`, then keeps the most recently used
  /// kMaxEntries entries.
  llvm::Error store(llvm::StringRef key, llvm::StringRef object) const;

  const std::string &directory() const { return directory_; }
  std::string entryPath(llvm::StringRef key) const;

  static constexpr size_t kMaxEntries = 64;

private:
  void evictOldEntries() const;
  std::string directory_;
};

} // namespace syna

#endif // SYNA_EXECUTION_COMPILECACHE_H
