//===- SafetensorsTest.cpp - checkpoint writing and checked reading -------===//
#include "syna/Data/Safetensors.h"
#include "syna/Data/InputLimits.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

#include <cstring>
#include <fstream>

using namespace syna::data;

namespace {

class SafetensorsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("syna-st", dir));
    path = (dir + "/model.safetensors").str();
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  static Checkpoint sample() {
    Checkpoint c;
    c.tensors["beta"] = {{2, 2}, {0.25f, -1.5f, 3.0f, 1e-8f}};
    c.tensors["alpha"] = {{3}, {1.0f, 2.0f, 4.0f}};
    c.metadata["epoch"] = "3";
    return c;
  }

  void writeRaw(const std::string &bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }

  std::string readRaw() {
    auto buffer = llvm::MemoryBuffer::getFile(path);
    return buffer ? (*buffer)->getBuffer().str() : "";
  }

  /// A file of `header` (its length first) and `data`.
  void writeWithHeader(const std::string &header, const std::string &data) {
    char length[8];
    uint64_t size = header.size();
    for (int i = 0; i < 8; ++i)
      length[i] = char(size >> (8 * i));
    writeRaw(std::string(length, 8) + header + data);
  }

  std::string errorOf() {
    auto result = readSafetensors(path);
    EXPECT_FALSE(static_cast<bool>(result));
    return result ? "" : llvm::toString(result.takeError());
  }

  llvm::SmallString<128> dir;
  std::string path;
};

TEST_F(SafetensorsTest, RoundTrips) {
  ASSERT_FALSE(writeSafetensors(path, sample()));
  auto loaded = readSafetensors(path);
  ASSERT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
  EXPECT_EQ(loaded->tensors.at("beta").shape, (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(loaded->tensors.at("beta").values, sample().tensors["beta"].values);
  EXPECT_EQ(loaded->tensors.at("alpha").values,
            (std::vector<float>{1.0f, 2.0f, 4.0f}));
  EXPECT_EQ(loaded->metadata.at("epoch"), "3");
}

// The byte layout the format specifies: u64 LE header length (padded to a
// multiple of 8), the JSON header, then the data in header order.
TEST_F(SafetensorsTest, WritesTheSpecifiedLayout) {
  Checkpoint c;
  c.tensors["w"] = {{1}, {1.0f}};
  ASSERT_FALSE(writeSafetensors(path, c));
  std::string raw = readRaw();
  ASSERT_GE(raw.size(), 12u);
  uint64_t length = 0;
  std::memcpy(&length, raw.data(), 8); // little-endian host
  EXPECT_EQ(length % 8, 0u);
  EXPECT_EQ(raw.size(), 8 + length + 4);
  std::string header = raw.substr(8, length);
  EXPECT_NE(header.find("\"dtype\":\"F32\""), std::string::npos) << header;
  EXPECT_NE(header.find("\"data_offsets\":[0,4]"), std::string::npos) << header;
  EXPECT_EQ(raw.substr(8 + length), std::string("\x00\x00\x80\x3f", 4));
}

TEST_F(SafetensorsTest, RejectsTruncatedFile) {
  ASSERT_FALSE(writeSafetensors(path, sample()));
  std::string raw = readRaw();
  writeRaw(raw.substr(0, raw.size() - 3));
  EXPECT_NE(errorOf().find("data_offsets lie outside"), std::string::npos);
}

TEST_F(SafetensorsTest, RejectsTrailingBytes) {
  ASSERT_FALSE(writeSafetensors(path, sample()));
  writeRaw(readRaw() + "xxxx");
  EXPECT_NE(errorOf().find("tensors cover 28 of the 32 data bytes"),
            std::string::npos);
}

TEST_F(SafetensorsTest, RejectsBadHeaders) {
  writeRaw("abc");
  EXPECT_NE(errorOf().find("too short"), std::string::npos);
  writeRaw(std::string("\xff\x00\x00\x00\x00\x00\x00\x00{}", 10));
  EXPECT_NE(errorOf().find("header length 255 exceeds the file"),
            std::string::npos);
  writeRaw(std::string("\x04\x00\x00\x00\x00\x00\x00\x00{x:1", 12));
  EXPECT_NE(errorOf().find("header is not valid JSON"), std::string::npos);
  std::string header = R"({"w":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}})";
  writeRaw(std::string(1, char(header.size())) + std::string(7, '\0') +
           header + "ab");
  EXPECT_NE(errorOf().find("dtype F16 is not supported"), std::string::npos);
}

TEST_F(SafetensorsTest, RejectsOverlaps) {
  std::string header =
      R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
      R"("b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
  writeRaw(std::string(1, char(header.size())) + std::string(7, '\0') +
           header + "abcdefgh");
  EXPECT_NE(errorOf().find("overlap or leave a hole"), std::string::npos);
}

TEST_F(SafetensorsTest, RejectsShapeDataMismatch) {
  std::string header =
      R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,4]}})";
  writeRaw(std::string(1, char(header.size())) + std::string(7, '\0') +
           header + "abcd");
  EXPECT_NE(errorOf().find("4 bytes of data for 4 elements"), std::string::npos);
}

// An inconsistent checkpoint is refused before the file on disk is touched.
TEST_F(SafetensorsTest, RefusedWriteKeepsOldFile) {
  ASSERT_FALSE(writeSafetensors(path, sample()));
  Checkpoint broken;
  broken.tensors["w"] = {{3}, {1.0f}};
  EXPECT_TRUE(static_cast<bool>(writeSafetensors(path, broken)));
  auto loaded = readSafetensors(path);
  ASSERT_TRUE(static_cast<bool>(loaded));
  EXPECT_EQ(loaded->tensors.size(), 2u);
}

// Deeply nested JSON in any position must be refused before llvm::json's
// recursive parser sees it (it would overflow the stack); brackets inside
// strings do not count.
TEST_F(SafetensorsTest, RejectsDeepNesting) {
  const int deep = 200000;
  std::vector<std::string> headers = {
      std::string(deep, '['),
      std::string(deep, '[') + std::string(deep, ']'),
      [&] {
        std::string h;
        for (int i = 0; i < deep; ++i)
          h += "{\"a\":";
        return h + "1" + std::string(deep, '}');
      }(),
      R"({"__metadata__":)" + std::string(deep, '[') + "]}",
      R"({"w":{"dtype":"F32","shape":)" + std::string(deep, '[') + "}}",
      std::string(65, '[') + std::string(65, ']'),
  };
  for (const std::string &header : headers) {
    writeWithHeader(header, "");
    EXPECT_NE(errorOf().find("model.safetensors: header nests JSON deeper "
                             "than 64 levels"),
              std::string::npos);
  }
  writeWithHeader(std::string(64, '[') + std::string(64, ']'), "");
  EXPECT_NE(errorOf().find("header is not a JSON object"), std::string::npos);
  std::string name(1000, '[');
  writeWithHeader(R"({")" + name + R"(":{"dtype":"F32","shape":[1],)"
                  R"("data_offsets":[0,4]}})", "abcd");
  auto loaded = readSafetensors(path);
  ASSERT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
  EXPECT_EQ(loaded->tensors.count(name), 1u);
}

// Shapes whose element count overflows 64 bits, exceeds the 8 GiB bound or
// has too many dimensions are refused before any allocation, with the size.
TEST_F(SafetensorsTest, RejectsHugeShapes) {
  struct Case {
    std::string shape, message;
  } cases[] = {
      {"[4294967296,4294967296]", "shape 4294967296x4294967296 holds more "
                                  "than 2^64 bytes"},
      {"[1099511627776,1099511627776,16]", "more than 2^64"},
      {"[4611686018427387904]", "more than 2^64"},
      {"[3037000500,3037000500]", "more than 2^64"},
      {"[65536,65536,1024]", "holds 17592186044416 bytes of float32 data; the "
                             "limit is 8589934592 bytes"},
  };
  for (const Case &c : cases) {
    writeWithHeader(R"({"w":{"dtype":"F32","shape":)" + c.shape +
                        R"(,"data_offsets":[0,4]}})",
                    "abcd");
    std::string error = errorOf();
    EXPECT_NE(error.find("model.safetensors: tensor 'w': "), std::string::npos)
        << error;
    EXPECT_NE(error.find(c.message), std::string::npos) << error;
  }
  std::string rank33 = "[1";
  for (int i = 0; i < 32; ++i)
    rank33 += ",1";
  writeWithHeader(R"({"w":{"dtype":"F32","shape":)" + rank33 +
                      R"(],"data_offsets":[0,4]}})",
                  "abcd");
  EXPECT_NE(errorOf().find("shape has 33 dimensions (the limit is 32)"),
            std::string::npos);
}

// Writes go through `.model.safetensors.tmp`: a temporary left by an
// interrupted write is replaced by the next one and never survives it.
TEST_F(SafetensorsTest, WritesThroughOneTemporary) {
  std::string temporary = temporaryPathFor(path);
  EXPECT_EQ(temporary, (dir + "/.model.safetensors.tmp").str());
  std::ofstream(temporary) << "left by a killed write";
  ASSERT_FALSE(writeSafetensors(path, sample()));
  EXPECT_FALSE(llvm::sys::fs::exists(temporary));
  auto loaded = readSafetensors(path);
  ASSERT_TRUE(static_cast<bool>(loaded)) << llvm::toString(loaded.takeError());
  EXPECT_EQ(loaded->tensors.size(), 2u);
  // A failed write (its directory is gone) leaves no temporary either.
  std::string nowhere = (dir + "/gone/model.safetensors").str();
  EXPECT_TRUE(static_cast<bool>(writeSafetensors(nowhere, sample())));
  EXPECT_FALSE(llvm::sys::fs::exists(temporaryPathFor(nowhere)));
}

TEST(InputLimitsTest, CheckedByteCount) {
  EXPECT_EQ(checkedByteCount({}, 4), 4u);
  EXPECT_EQ(checkedByteCount({2, 3}, 8), 48u);
  EXPECT_EQ(checkedByteCount({0, int64_t(1) << 62}, 8), 0u);
  EXPECT_FALSE(checkedByteCount({int64_t(1) << 31, int64_t(1) << 31}, 4));
  EXPECT_FALSE(checkedByteCount({-1}, 4));
  EXPECT_EQ(jsonNestingDepth(R"({"a":[[1]],"b":"[[[[["})", 64), 3u);
  EXPECT_EQ(jsonNestingDepth(R"({"\"[[[[":1})", 64), 1u);
  EXPECT_EQ(jsonNestingDepth(std::string(1000, '['), 64), 65u);
}

} // namespace
