//===- BufferPool.cpp - a size-class cache over malloc --------------------===//
//
// Blocks carry a 16-byte header, their size class and a tag, so that
// `free` needs no lookup, knows its own blocks, and alignment stays
// malloc's. Sizes are rounded up to one
// of eight classes per power of two (at most 12.5% slack). A freed block
// goes onto its class's list, last in first out, so that the next step gets
// the block the previous one just wrote; cached bytes beyond a quarter of
// the machine's memory go back to the system, so that a pool fed ever new
// sizes stays bounded. One mutex: the compiled code allocates per op and
// per parallel tile, not per element.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/BufferPool.h"

#include "syna/Execution/MemoryBudget.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/MathExtras.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace syna {
namespace {

constexpr size_t kHeaderBytes = 16;
/// The header's second word. A pointer without it came from the C library
/// (the 16 bytes before it are glibc's chunk header, whose size word never
/// takes this value) and goes back there: an allocation function that the
/// JIT does not bind would otherwise corrupt the heap.
constexpr uint64_t kBlockTag = 0x73796e61706f6f6cULL; // "synapool"

struct Header {
  size_t sizeClass;
  uint64_t tag;
};
static_assert(sizeof(Header) == kHeaderBytes);

/// The size class of `bytes`: from 128 bytes on, the smallest value of the
/// form (8 + k)·2^(e-3), 0 ≤ k < 8, that holds it; below, the next multiple
/// of 16.
size_t sizeClass(size_t bytes) {
  if (bytes <= 128)
    return llvm::alignTo(std::max<size_t>(bytes, 1), 16);
  unsigned e = llvm::Log2_64(bytes);
  size_t step = size_t(1) << (e - 3);
  return llvm::alignTo(bytes, step);
}

class Pool {
public:
  void *allocate(size_t bytes) {
    if (bytes > (size_t(1) << 62)) // no machine has it; the class would wrap
      return nullptr;
    size_t cls = sizeClass(bytes);
    char *block = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++stats.allocations;
      auto it = freeLists.find(cls);
      if (it != freeLists.end() && !it->second.empty()) {
        block = it->second.back();
        it->second.pop_back();
        stats.cachedBytes -= cls;
        ++stats.reused;
      }
    }
    if (!block) {
      block = static_cast<char *>(std::malloc(cls + kHeaderBytes));
      if (!block)
        return nullptr;
      *reinterpret_cast<Header *>(block) = {cls, kBlockTag};
    }
    return block + kHeaderBytes;
  }

  void free(void *p) {
    if (!p)
      return;
    char *block = static_cast<char *>(p) - kHeaderBytes;
    Header header = *reinterpret_cast<Header *>(block);
    if (header.tag != kBlockTag) {
      std::free(p);
      return;
    }
    size_t cls = header.sizeClass;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stats.cachedBytes + cls <= cacheLimit()) {
        freeLists[cls].push_back(block);
        stats.cachedBytes += cls;
        return;
      }
    }
    std::free(block);
  }

  BufferPoolStats snapshot() {
    std::lock_guard<std::mutex> lock(mutex);
    return stats;
  }

  void trim() {
    std::lock_guard<std::mutex> lock(mutex);
    for (auto &entry : freeLists)
      for (char *block : entry.second)
        std::free(block);
    freeLists.clear();
    stats.cachedBytes = 0;
  }

private:
  static uint64_t cacheLimit() {
    static const uint64_t limit = hostMemoryBytes() / 4;
    return limit;
  }

  std::mutex mutex;
  llvm::DenseMap<size_t, std::vector<char *>> freeLists;
  BufferPoolStats stats;
};

Pool &pool() {
  // Never destroyed: compiled code may free buffers during static
  // destruction (a session held by a static).
  static Pool *instance = new Pool;
  return *instance;
}

} // namespace

void *bufferPoolAllocate(size_t bytes) { return pool().allocate(bytes); }

void *bufferPoolAllocateZeroed(size_t count, size_t size) {
  size_t bytes;
  if (__builtin_mul_overflow(count, size, &bytes))
    return nullptr;
  void *block = pool().allocate(bytes);
  if (block)
    std::memset(block, 0, bytes);
  return block;
}
void bufferPoolFree(void *block) { pool().free(block); }
BufferPoolStats bufferPoolStats() { return pool().snapshot(); }
void bufferPoolTrim() { pool().trim(); }

} // namespace syna
