//===- BufferPoolTest.cpp - the heap of compiled code ---------------------===//
#include "syna/Execution/BufferPool.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

using namespace syna;

namespace {

TEST(BufferPool, FreedBlockIsReusedForTheSameSize) {
  bufferPoolTrim();
  void *a = bufferPoolAllocate(1 << 20);
  ASSERT_NE(a, nullptr);
  bufferPoolFree(a);
  BufferPoolStats before = bufferPoolStats();
  EXPECT_GE(before.cachedBytes, uint64_t(1) << 20);
  void *b = bufferPoolAllocate(1 << 20);
  EXPECT_EQ(a, b);
  BufferPoolStats after = bufferPoolStats();
  EXPECT_EQ(after.reused, before.reused + 1);
  EXPECT_EQ(after.cachedBytes, before.cachedBytes - (uint64_t(1) << 20));
  bufferPoolFree(b);
}

TEST(BufferPool, BlocksHoldTheirSizeAndAreAlignedAsMalloc) {
  bufferPoolTrim();
  // Sizes on both sides of every class boundary of a few powers of two.
  std::vector<void *> blocks;
  for (size_t base : {size_t(16), size_t(128), size_t(4096), size_t(1) << 20})
    for (size_t bytes : {base - 1, base, base + 1, base + base / 8 + 1}) {
      auto *p = static_cast<unsigned char *>(bufferPoolAllocate(bytes));
      ASSERT_NE(p, nullptr);
      EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
      std::memset(p, 0xab, bytes); // the whole size is writable
      blocks.push_back(p);
    }
  // No two live blocks overlap: each still holds its own byte pattern.
  for (size_t i = 0; i < blocks.size(); ++i)
    static_cast<unsigned char *>(blocks[i])[0] = static_cast<unsigned char>(i);
  for (size_t i = 0; i < blocks.size(); ++i)
    EXPECT_EQ(static_cast<unsigned char *>(blocks[i])[0], i);
  for (void *p : blocks)
    bufferPoolFree(p);
}

TEST(BufferPool, SmallerSizeOfTheSameClassReusesTheBlock) {
  bufferPoolTrim();
  // 1 MiB + 1 byte and 1 MiB + 100 KiB share the class 1 MiB·9/8.
  void *a = bufferPoolAllocate((1 << 20) + 100 * 1024);
  bufferPoolFree(a);
  EXPECT_EQ(bufferPoolAllocate((1 << 20) + 1), a);
  bufferPoolFree(a);
}

TEST(BufferPool, ZeroedBlockIsZeroAlsoWhenReused) {
  bufferPoolTrim();
  auto *dirty = static_cast<unsigned char *>(bufferPoolAllocate(4000));
  std::memset(dirty, 0xab, 4000);
  bufferPoolFree(dirty);
  auto *p = static_cast<unsigned char *>(bufferPoolAllocateZeroed(1000, 4));
  ASSERT_EQ(p, dirty); // the same class: the dirty block comes back
  for (int i = 0; i < 4000; ++i)
    ASSERT_EQ(p[i], 0) << "byte " << i;
  bufferPoolFree(p);
  EXPECT_EQ(bufferPoolAllocateZeroed(SIZE_MAX / 2, 4), nullptr); // overflow
}

TEST(BufferPool, TrimReturnsEveryCachedBlock) {
  void *a = bufferPoolAllocate(3 << 20);
  bufferPoolFree(a);
  EXPECT_GT(bufferPoolStats().cachedBytes, 0u);
  bufferPoolTrim();
  EXPECT_EQ(bufferPoolStats().cachedBytes, 0u);
}

TEST(BufferPool, ImpossibleSizeFailsAsMallocDoes) {
  EXPECT_EQ(bufferPoolAllocate(SIZE_MAX), nullptr);
  EXPECT_EQ(bufferPoolAllocate(SIZE_MAX - 8), nullptr);
  bufferPoolFree(nullptr); // a no-op, as free(NULL)
}

TEST(BufferPool, ThreadsAllocateAndFreeConcurrently) {
  bufferPoolTrim();
  uint64_t before = bufferPoolStats().allocations;
  constexpr int kThreads = 4, kRounds = 2000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([t] {
      for (int i = 0; i < kRounds; ++i) {
        size_t bytes = 64 + size_t((i * 7919 + t) % 50000);
        auto *p = static_cast<unsigned char *>(bufferPoolAllocate(bytes));
        ASSERT_NE(p, nullptr);
        p[0] = p[bytes - 1] = static_cast<unsigned char>(t);
        EXPECT_EQ(p[0], p[bytes - 1]);
        bufferPoolFree(p);
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  BufferPoolStats after = bufferPoolStats();
  EXPECT_EQ(after.allocations - before, uint64_t(kThreads) * kRounds);
  EXPECT_GT(after.reused, 0u);
}

} // namespace
