//===- BufferPool.h - the heap of JIT-compiled code -------------*- C++ -*-===//
//
// Compiled steps allocate their intermediates with `malloc` and free them
// before they return, and the next step allocates the same sizes again.
// Served by glibc, every large buffer is a fresh mmap whose pages the
// kernel faults in and zeroes on first touch, each step (a third of the
// SynaCNN training step). The CPU backend binds the `malloc` and `free` of
// the code it links to this pool instead, which keeps freed blocks by size
// class and hands them back, still mapped and often still in cache
// (docs/cpu-backend.md, "Memory").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_BUFFERPOOL_H
#define SYNA_EXECUTION_BUFFERPOOL_H

#include <cstddef>
#include <cstdint>

namespace syna {

/// `malloc` of compiled code: a block of at least `bytes`, 16-byte aligned
/// as malloc's; null when the system has no memory left.
void *bufferPoolAllocate(size_t bytes);
/// `calloc` of compiled code: LLVM turns a malloc followed by a memset to
/// zero into one calloc call. Null on overflow of `count`·`size`, as calloc.
void *bufferPoolAllocateZeroed(size_t count, size_t size);
/// `free` of compiled code, and of the buffers its results return.
void bufferPoolFree(void *block);

/// What the pool holds, for tests.
struct BufferPoolStats {
  uint64_t allocations = 0; ///< blocks handed out (malloc and calloc)
  uint64_t reused = 0;      ///< of those, served from a cached block
  uint64_t cachedBytes = 0; ///< freed bytes kept for reuse
};
BufferPoolStats bufferPoolStats();

/// Returns every cached block to the system.
void bufferPoolTrim();

} // namespace syna

#endif // SYNA_EXECUTION_BUFFERPOOL_H
