//===- IdxTest.cpp - the IDX reader on files written by the test ----------===//
#include "syna/Data/Idx.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

#include <zlib.h>

using namespace syna::data;

namespace {

std::vector<uint8_t> header(uint32_t magic, std::vector<uint32_t> dims) {
  std::vector<uint8_t> bytes;
  auto put = [&](uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(uint8_t(v >> shift));
  };
  put(magic);
  for (uint32_t d : dims)
    put(d);
  return bytes;
}

/// `bytes` as one gzip member.
std::vector<uint8_t> gzipped(const std::vector<uint8_t> &bytes) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
               Z_DEFAULT_STRATEGY);
  std::vector<uint8_t> out(deflateBound(&stream, bytes.size()));
  stream.next_in = const_cast<Bytef *>(bytes.data());
  stream.avail_in = bytes.size();
  stream.next_out = out.data();
  stream.avail_out = out.size();
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::vector<uint8_t> concat(std::vector<uint8_t> a,
                            const std::vector<uint8_t> &b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

class IdxTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("syna-idx", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string write(llvm::StringRef name, const std::vector<uint8_t> &bytes,
                    bool gzip = false) {
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(path, name);
    if (gzip) {
      gzFile file = gzopen(path.c_str(), "wb");
      gzwrite(file, bytes.data(), bytes.size());
      gzclose(file);
    } else {
      FILE *file = fopen(path.c_str(), "wb");
      fwrite(bytes.data(), 1, bytes.size(), file);
      fclose(file);
    }
    return std::string(path);
  }

  // Two 2×2 images with pixels 0, 51, 102, 255 and 255, 0, 0, 0.
  std::vector<uint8_t> images() {
    return concat(header(0x803, {2, 2, 2}), {0, 51, 102, 255, 255, 0, 0, 0});
  }
  std::vector<uint8_t> labels() { return concat(header(0x801, {2}), {7, 3}); }

  std::string errorOf(llvm::Expected<LabelledImages> result) {
    EXPECT_FALSE(static_cast<bool>(result));
    return result ? "" : llvm::toString(result.takeError());
  }

  llvm::SmallString<128> dir;
};

TEST_F(IdxTest, ReadsPlainFiles) {
  auto set = readIdx(write("i", images()), write("l", labels()));
  ASSERT_TRUE(static_cast<bool>(set)) << llvm::toString(set.takeError());
  EXPECT_EQ(set->size(), 2);
  EXPECT_EQ(set->rows, 2);
  EXPECT_EQ(set->cols, 2);
  ASSERT_EQ(set->pixels.size(), 8u);
  EXPECT_FLOAT_EQ(set->pixels[1], 0.2f); // 51/255
  EXPECT_FLOAT_EQ(set->pixels[2], 0.4f); // 102/255
  EXPECT_FLOAT_EQ(set->pixels[3], 1.0f);
  EXPECT_EQ(set->labels, (std::vector<int32_t>{7, 3}));
}

TEST_F(IdxTest, ReadsGzipDirectory) {
  write("train-images-idx3-ubyte.gz", images(), /*gzip=*/true);
  write("train-labels-idx1-ubyte.gz", labels(), /*gzip=*/true);
  auto set = readIdxDirectory(dir, "train");
  ASSERT_TRUE(static_cast<bool>(set)) << llvm::toString(set.takeError());
  EXPECT_EQ(set->labels, (std::vector<int32_t>{7, 3}));
  EXPECT_FLOAT_EQ(set->pixels[4], 1.0f);
}

TEST_F(IdxTest, RejectsWrongMagic) {
  auto swapped = readIdx(write("l", labels()), write("i", images()));
  EXPECT_NE(errorOf(std::move(swapped)).find("magic number 00000801 is not "
                                             "that of an image file"),
            std::string::npos);
}

TEST_F(IdxTest, RejectsTruncatedData) {
  std::vector<uint8_t> truncated = images();
  truncated.pop_back();
  std::string error = errorOf(readIdx(write("i", truncated), write("l", labels())));
  EXPECT_NE(error.find("header promises 8 bytes of data but the file holds 7"),
            std::string::npos)
      << error;
}

TEST_F(IdxTest, RejectsShortHeader) {
  std::string error = errorOf(readIdx(write("i", {0, 0, 8, 3, 0, 0}), write("l", labels())));
  EXPECT_NE(error.find("too short for an IDX header"), std::string::npos) << error;
}

TEST_F(IdxTest, RejectsMismatchedCounts) {
  auto three = concat(header(0x801, {3}), {1, 2, 3});
  std::string error = errorOf(readIdx(write("i", images()), write("l", three)));
  EXPECT_NE(error.find("has 3 labels but"), std::string::npos) << error;
}

TEST_F(IdxTest, RejectsLabelOutOfRange) {
  auto bad = concat(header(0x801, {2}), {1, 10});
  std::string error = errorOf(readIdx(write("i", images()), write("l", bad)));
  EXPECT_NE(error.find("label 10 of sample 1 is outside [0, 10)"),
            std::string::npos)
      << error;
}

TEST_F(IdxTest, RejectsCorruptGzip) {
  // A gzip header followed by bytes that are not a deflate stream.
  std::vector<uint8_t> corrupt = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3,
                                  0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  std::string error = errorOf(readIdx(write("i.gz", corrupt), write("l", labels())));
  EXPECT_NE(error.find("corrupt gzip data"), std::string::npos) << error;
}

TEST_F(IdxTest, RejectsMissingFiles) {
  std::string error = errorOf(readIdxDirectory(dir, "t10k"));
  EXPECT_NE(error.find("t10k-images-idx3-ubyte.gz: no such file"),
            std::string::npos)
      << error;
  error = errorOf(readIdxDirectory((dir + "/nowhere").str(), "t10k"));
  EXPECT_NE(error.find("not a directory"), std::string::npos) << error;
}

// Hostile headers: sizes whose product overflows or exceeds the 1 GiB bound
// are refused from the header alone, plain or gzip'd, with the size named.
TEST_F(IdxTest, RejectsHugeDeclaredSizes) {
  for (bool gzip : {false, true}) {
    for (auto dims : std::vector<std::vector<uint32_t>>{
             {0xffffffff, 0xffffffff, 0xffffffff}, {70000, 28, 28 * 20},
             {1u << 30, 1, 2}}) {
      std::vector<uint8_t> bytes = concat(header(0x803, dims), {1, 2, 3});
      std::string error = errorOf(readIdx(
          write(gzip ? "i.gz" : "i", bytes, gzip), write("l", labels())));
      EXPECT_NE(error.find("i" + std::string(gzip ? ".gz" : "") +
                           ": header declares " + std::to_string(dims[0])),
                std::string::npos)
          << error;
      EXPECT_NE(error.find("the limit is 1073741824 bytes"), std::string::npos)
          << error;
    }
  }
  auto labelsBomb = concat(header(0x801, {0xffffffff}), {1});
  std::string error = errorOf(readIdx(write("i", images()), write("l", labelsBomb)));
  EXPECT_NE(error.find("header declares 4294967295 = 4294967295 bytes"),
            std::string::npos)
      << error;
}

// A gzip bomb is inflated only as far as its header declares: the stream
// below turns corrupt after 1 MiB more than declared, and the reader stops
// (and says so) before it reaches the corruption.
TEST_F(IdxTest, StopsInflatingAtTheDeclaredSize) {
  std::vector<uint8_t> bomb = images();
  bomb.resize(bomb.size() + (1 << 20) * 4, 0);
  std::vector<uint8_t> compressed = gzipped(bomb);
  for (size_t i = compressed.size() - 8; i < compressed.size(); ++i)
    compressed[i] ^= 0xff; // the CRC and length: fully inflated, it fails
  std::string error = errorOf(readIdx(write("i.gz", compressed), write("l", labels())));
  EXPECT_NE(error.find("holds more than the 8 bytes of data its header "
                       "declares"),
            std::string::npos)
      << error;
}

TEST_F(IdxTest, RejectsTrailingBytes) {
  auto trailing = concat(images(), {0});
  std::string error = errorOf(readIdx(write("i", trailing), write("l", labels())));
  EXPECT_NE(error.find("header promises 8 bytes of data but the file holds 9"),
            std::string::npos)
      << error;
  // After a gzip member: garbage, or a second member.
  for (auto tail : {std::vector<uint8_t>{0, 0, 0}, gzipped({1, 2, 3})}) {
    std::string error = errorOf(readIdx(
        write("i.gz", concat(gzipped(images()), tail)), write("l", labels())));
    EXPECT_NE(error.find(std::to_string(tail.size()) +
                         " bytes follow the gzip data (concatenated gzip "
                         "members are not supported"),
              std::string::npos)
        << error;
  }
}

TEST_F(IdxTest, RejectsTruncatedGzip) {
  std::vector<uint8_t> compressed = gzipped(images());
  for (size_t keep : {size_t(2), size_t(12), compressed.size() - 4}) {
    std::vector<uint8_t> cut(compressed.begin(), compressed.begin() + keep);
    std::string error = errorOf(readIdx(write("i.gz", cut), write("l", labels())));
    EXPECT_NE(error.find("i.gz: "), std::string::npos) << error;
  }
}

TEST_F(IdxTest, RejectsDirectoriesAndEmptyImages) {
  llvm::SmallString<128> sub(dir);
  llvm::sys::path::append(sub, "sub");
  ASSERT_FALSE(llvm::sys::fs::create_directory(sub));
  std::string error = errorOf(readIdx(sub, write("l", labels())));
  EXPECT_NE(error.find("sub: is a directory, not an IDX file"), std::string::npos)
      << error;
  error = errorOf(readIdx(write("i", header(0x803, {2, 0, 5})), write("l", labels())));
  EXPECT_NE(error.find("images of 0x5 pixels hold nothing"), std::string::npos)
      << error;
}

} // namespace
