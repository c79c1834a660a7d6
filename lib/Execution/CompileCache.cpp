//===- CompileCache.cpp - compiled objects kept between runs --------------===//
//
// See CompileCache.h. An entry is `KEY.synaobj`:
//   "SYNAOBJ1" | the key (64 hex digits) | the object's size (8 bytes,
//   little-endian) | SHA-256 of the object (32 bytes) | the object.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/CompileCache.h"

#include "mlir/IR/OperationSupport.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <sys/time.h>

namespace syna {

static constexpr llvm::StringLiteral kMagic = "SYNAOBJ1";
static constexpr size_t kKeySize = 64, kDigestSize = 32;
static constexpr size_t kHeaderSize = 8 + kKeySize + 8 + kDigestSize;
static constexpr llvm::StringLiteral kExtension = ".synaobj";

std::optional<CompileCache> CompileCache::openDefault() {
  llvm::SmallString<256> directory;
  if (std::optional<std::string> xdg = llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      xdg && !xdg->empty())
    directory = *xdg;
  else if (std::optional<std::string> home = llvm::sys::Process::GetEnv("HOME");
           home && !home->empty())
    llvm::sys::path::append(directory, *home, ".cache");
  else
    return std::nullopt;
  llvm::sys::path::append(directory, "syna");
  return CompileCache(directory.str().str());
}

/// A raw_ostream that feeds a SHA-256, so the module is hashed as it is
/// printed, without a copy of its text.
class HashingStream : public llvm::raw_ostream {
public:
  explicit HashingStream(llvm::SHA256 &hash) : hash(hash) { SetUnbuffered(); }

private:
  void write_impl(const char *data, size_t size) override {
    hash.update(llvm::StringRef(data, size));
    position += size;
  }
  uint64_t current_pos() const override { return position; }
  llvm::SHA256 &hash;
  uint64_t position = 0;
};

/// What distinguishes this build of syna from another: the running
/// executable's path, size and modification time (the syna libraries are
/// linked into it statically).
static std::string executableIdentity() {
  static int anchor;
  std::string path = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  llvm::sys::fs::file_status status;
  if (llvm::sys::fs::status(path, status))
    return path;
  return path + " " + std::to_string(status.getSize()) + " " +
         std::to_string(status.getLastModificationTime().time_since_epoch().count());
}

std::string CompileCache::key(mlir::ModuleOp module,
                              const CompileOptions &options,
                              const CodeTarget &target) {
  llvm::SHA256 hash;
  auto field = [&](llvm::StringRef text) {
    hash.update(text);
    hash.update(llvm::StringRef("\0", 1));
  };
  field(kMagic);
  field(executableIdentity());
  field(LLVM_VERSION_STRING);
  field(target.str());
  field(options.pipelineString());
  {
    HashingStream stream(hash);
    module->print(stream, mlir::OpPrintingFlags().enableDebugInfo());
  }
  return llvm::toHex(hash.final(), /*LowerCase=*/true);
}

std::string CompileCache::entryPath(llvm::StringRef key) const {
  llvm::SmallString<256> path(directory_);
  llvm::sys::path::append(path, key + kExtension);
  return path.str().str();
}

std::unique_ptr<llvm::MemoryBuffer>
CompileCache::lookup(llvm::StringRef key) const {
  std::string path = entryPath(key);
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return nullptr;
  llvm::StringRef bytes = (*file)->getBuffer();
  auto damaged = [&]() -> std::unique_ptr<llvm::MemoryBuffer> {
    llvm::sys::fs::remove(path);
    return nullptr;
  };
  if (bytes.size() < kHeaderSize || !bytes.starts_with(kMagic) ||
      bytes.substr(8, kKeySize) != key)
    return damaged();
  uint64_t size = llvm::support::endian::read64le(bytes.data() + 8 + kKeySize);
  llvm::StringRef object = bytes.substr(kHeaderSize);
  if (object.size() != size ||
      bytes.substr(8 + kKeySize + 8, kDigestSize) !=
          llvm::StringRef(reinterpret_cast<const char *>(
                              llvm::SHA256::hash(llvm::arrayRefFromStringRef(object))
                                  .data()),
                          kDigestSize))
    return damaged();
  // Recently used entries survive eviction.
  ::utimes(path.c_str(), nullptr);
  return llvm::MemoryBuffer::getMemBufferCopy(object, path);
}

llvm::Error CompileCache::store(llvm::StringRef key,
                                llvm::StringRef object) const {
  auto failure = [&](const llvm::Twine &what, std::error_code code) {
    return llvm::createStringError(code, "compile cache " + directory_ + ": " +
                                             what + ": " + code.message());
  };
  if (std::error_code code = llvm::sys::fs::create_directories(directory_))
    return failure("cannot create the directory", code);
  int fd;
  llvm::SmallString<256> temporary;
  if (std::error_code code = llvm::sys::fs::createUniqueFile(
          entryPath(key) + ".%%%%%%%%.tmp", fd, temporary))
    return failure("cannot create a file", code);
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    char size[8];
    llvm::support::endian::write64le(size, object.size());
    std::array<uint8_t, 32> digest =
        llvm::SHA256::hash(llvm::arrayRefFromStringRef(object));
    out << kMagic << key << llvm::StringRef(size, 8)
        << llvm::toStringRef(llvm::ArrayRef(digest)) << object;
    out.close();
    if (out.has_error()) {
      std::error_code code = out.error();
      out.clear_error();
      llvm::sys::fs::remove(temporary);
      return failure("cannot write " + temporary, code);
    }
  }
  if (std::error_code code = llvm::sys::fs::rename(temporary, entryPath(key))) {
    llvm::sys::fs::remove(temporary);
    return failure("cannot rename " + temporary, code);
  }
  evictOldEntries();
  return llvm::Error::success();
}

void CompileCache::evictOldEntries() const {
  std::vector<std::pair<llvm::sys::TimePoint<>, std::string>> entries;
  std::error_code code;
  for (llvm::sys::fs::directory_iterator it(directory_, code), end;
       !code && it != end; it.increment(code)) {
    if (!llvm::StringRef(it->path()).ends_with(kExtension))
      continue;
    llvm::sys::fs::file_status status;
    if (!llvm::sys::fs::status(it->path(), status))
      entries.emplace_back(status.getLastModificationTime(), it->path());
  }
  if (entries.size() <= kMaxEntries)
    return;
  std::sort(entries.begin(), entries.end());
  for (size_t i = 0, e = entries.size() - kMaxEntries; i < e; ++i)
    llvm::sys::fs::remove(entries[i].second);
}

} // namespace syna
