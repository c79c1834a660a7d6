//===- InputLimits.cpp - bounds on what readers of user bytes accept ------===//
#include "syna/Data/InputLimits.h"

#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fcntl.h>
#include <unistd.h>

using namespace syna::data;

std::optional<uint64_t>
syna::data::checkedByteCount(llvm::ArrayRef<int64_t> shape,
                             uint64_t elementSize) {
  uint64_t bytes = elementSize;
  for (int64_t extent : shape) {
    if (extent < 0)
      return std::nullopt;
    std::optional<uint64_t> product =
        llvm::checkedMulUnsigned(bytes, static_cast<uint64_t>(extent));
    if (!product)
      return std::nullopt;
    bytes = *product;
  }
  return bytes;
}

std::string syna::data::shapeText(llvm::ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string text;
  for (int64_t extent : shape)
    text += (text.empty() ? "" : "x") + std::to_string(extent);
  return text;
}

unsigned syna::data::jsonNestingDepth(llvm::StringRef text, unsigned limit) {
  unsigned depth = 0, deepest = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size() && deepest <= limit; ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i; // the escaped character cannot end the string
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string syna::data::temporaryPathFor(llvm::StringRef path) {
  llvm::SmallString<256> temporary(llvm::sys::path::parent_path(path));
  llvm::sys::path::append(temporary,
                          "." + llvm::sys::path::filename(path) + ".tmp");
  return std::string(temporary);
}

static llvm::Error writeError(llvm::StringRef path, const llvm::Twine &what,
                              std::error_code code) {
  return llvm::createStringError(code, path + ": cannot " + what + ": " +
                                           code.message());
}

/// Makes the rename itself durable: a crash right after it must not bring
/// back the old directory entry.
static void syncDirectoryOf(llvm::StringRef path) {
  llvm::SmallString<256> directory(llvm::sys::path::parent_path(path));
  if (directory.empty())
    directory = ".";
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

/// Writes, flushes and syncs the temporary file open as `fd`.
static llvm::Error
writeAndSync(int fd, llvm::StringRef path, llvm::StringRef temporary,
             llvm::function_ref<llvm::Error(llvm::raw_ostream &)> write) {
  llvm::raw_fd_ostream os(fd, /*shouldClose=*/false);
  if (llvm::Error error = write(os)) {
    os.clear_error();
    return error;
  }
  os.flush();
  if (os.has_error()) {
    std::error_code code = os.error();
    os.clear_error();
    return writeError(path, "write " + temporary, code);
  }
  if (::fsync(fd) != 0)
    return writeError(path, "sync " + temporary,
                      std::error_code(errno, std::generic_category()));
  return llvm::Error::success();
}

llvm::Error syna::data::writeFileAtomically(
    llvm::StringRef path,
    llvm::function_ref<llvm::Error(llvm::raw_ostream &)> write) {
  std::string temporary = temporaryPathFor(path);
  int fd = -1;
  // CD_CreateAlways truncates what an interrupted earlier write left.
  if (std::error_code code = llvm::sys::fs::openFileForWrite(
          temporary, fd, llvm::sys::fs::CD_CreateAlways))
    return writeError(path, "create " + temporary, code);
  llvm::Error written = writeAndSync(fd, path, temporary, write);
  ::close(fd);
  if (written) {
    llvm::sys::fs::remove(temporary);
    return written;
  }
  if (std::error_code code = llvm::sys::fs::rename(temporary, path)) {
    llvm::sys::fs::remove(temporary);
    return writeError(path, "rename " + temporary + " to it", code);
  }
  syncDirectoryOf(path);
  return llvm::Error::success();
}
