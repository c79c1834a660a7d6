//===- NpyTest.cpp - hostile .npy files and array literals ----------------===//
#include "syna/Data/InputLimits.h"
#include "syna/Execution/Npy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

#include <fstream>

using namespace syna;

namespace {

/// A version-1 .npy file with `header` (padded as NumPy pads it) and `data`.
std::string npy(const std::string &dict, const std::string &data) {
  std::string header = dict;
  header.append((64 - (10 + header.size() + 1) % 64) % 64, ' ');
  header += '\n';
  std::string bytes = "\x93NUMPY\x01";
  bytes += '\0';
  bytes += char(header.size() & 0xff);
  bytes += char(header.size() >> 8);
  return bytes + header + data;
}

std::string dict(const std::string &descr, const std::string &shape) {
  return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " +
         shape + ", }";
}

std::string errorOf(llvm::Expected<HostArray> result) {
  EXPECT_FALSE(static_cast<bool>(result));
  return result ? "" : llvm::toString(result.takeError());
}

TEST(NpyTest, ReadsValidArrays) {
  auto array = parseNpy(npy(dict("<f4", "(2,)"), std::string(8, '\0')), "a.npy");
  ASSERT_TRUE(static_cast<bool>(array)) << llvm::toString(array.takeError());
  EXPECT_EQ(array->shapeString(), "2");
  auto scalar = parseNpy(npy(dict("<i8", "()"), std::string(8, '\0')), "s.npy");
  ASSERT_TRUE(static_cast<bool>(scalar)) << llvm::toString(scalar.takeError());
  EXPECT_EQ(scalar->shapeString(), "scalar");
}

// Element counts that overflow 64 bits or exceed the 8 GiB bound are refused
// from the header, before any allocation, with the file and the size named.
TEST(NpyTest, RejectsHugeShapes) {
  struct Case {
    std::string descr, shape, message;
  } cases[] = {
      {"<f4", "(4294967296, 4294967296)", "holds more than 2^64 bytes"},
      {"<f8", "(2305843009213693952,)", "holds more than 2^64 bytes"},
      {"<i4", "(3037000500, 3037000500)", "holds more than 2^64 bytes"},
      {"<f4", "(1024, 1024, 1024, 4)", "of float32 holds 17179869184 bytes; "
                                       "the limit is 8589934592 bytes"},
      {"<f4", "(99999999999999999999,)", "bad shape entry '99999999999999999999'"},
      {"<f4", "(-1, 2)", "bad shape entry '-1'"},
  };
  for (const Case &c : cases) {
    std::string error = errorOf(parseNpy(npy(dict(c.descr, c.shape), "abcd"), "h.npy"));
    EXPECT_NE(error.find("h.npy: not a valid .npy file: "), std::string::npos) << error;
    EXPECT_NE(error.find(c.message), std::string::npos) << error;
  }
  std::string rank33 = "(";
  for (int i = 0; i < 33; ++i)
    rank33 += "1, ";
  std::string error = errorOf(parseNpy(npy(dict("<f4", rank33 + ")"), "abcd"), "r.npy"));
  EXPECT_NE(error.find("shape has more than 32 dimensions"), std::string::npos) << error;
}

TEST(NpyTest, RejectsTrailingAndTruncatedData) {
  std::string error =
      errorOf(parseNpy(npy(dict("<f4", "(2,)"), std::string(9, '\0')), "t.npy"));
  EXPECT_NE(error.find("t.npy: not a valid .npy file: 1 bytes follow the data "
                       "of shape 2 (8 bytes)"),
            std::string::npos)
      << error;
  error = errorOf(parseNpy(npy(dict("<f4", "(2,)"), std::string(7, '\0')), "t.npy"));
  EXPECT_NE(error.find("data is truncated: shape 2 needs 8 bytes, file has 7"),
            std::string::npos)
      << error;
  // A header length beyond the file (version 1 and 2 headers).
  error = errorOf(parseNpy(std::string("\x93NUMPY\x01\x00\xff\xff{", 11), "l.npy"));
  EXPECT_NE(error.find("truncated header"), std::string::npos) << error;
  error = errorOf(parseNpy(std::string("\x93NUMPY\x02\x00\xff\xff\xff\xff{", 13), "l.npy"));
  EXPECT_NE(error.find("truncated header"), std::string::npos) << error;
}

TEST(NpyTest, RejectsDirectories) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("syna-npy", dir));
  std::string error = errorOf(readNpy(dir));
  EXPECT_NE(error.find(std::string(dir) + ": is a directory, not a .npy file"),
            std::string::npos)
      << error;
  llvm::sys::fs::remove_directories(dir);
}

// float64 is never rounded to float32 silently; int64 to int32 only when
// every value fits; widening is always exact.
TEST(NpyTest, ConversionsAreLossless) {
  auto f64 = parseNpy(npy(dict("<f8", "(1,)"), std::string(8, '\0')), "x.npy");
  ASSERT_TRUE(static_cast<bool>(f64));
  llvm::Error narrowed = checkLosslessConversion(*f64, DType::F32, "x.npy");
  std::string message = llvm::toString(std::move(narrowed));
  EXPECT_NE(message.find("x.npy: holds float64 values but float32 is expected"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("astype(numpy.float32)"), std::string::npos) << message;
  EXPECT_FALSE(checkLosslessConversion(*f64, DType::F64, "x.npy"));
  auto i64 = parseNpy(npy(dict("<i8", "(2,)"),
                          std::string("\x05\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0", 16)),
                      "i.npy");
  ASSERT_TRUE(static_cast<bool>(i64));
  message = llvm::toString(checkLosslessConversion(*i64, DType::I32, "i.npy"));
  EXPECT_NE(message.find("element 1 = 4294967296 does not fit the int32"),
            std::string::npos)
      << message;
  i64->data.resize(8);
  i64->shape = {1};
  EXPECT_FALSE(checkLosslessConversion(*i64, DType::I32, "i.npy"));
}

std::string literalError(const std::string &text) {
  return errorOf(parseLiteral(text, /*preferInt=*/true));
}

// Nesting is bounded (32 levels, NumPy's rank limit): deeper literals, however
// deep, are refused without recursion past the bound.
TEST(NpyTest, BoundsLiteralNesting) {
  for (size_t depth : {33, 1000, 1000000}) {
    std::string deep = std::string(depth, '[') + "1" + std::string(depth, ']');
    EXPECT_NE(literalError(deep).find("lists nested deeper than 32 levels"),
              std::string::npos);
    EXPECT_NE(literalError(std::string(depth, '[')).find("nested deeper"),
              std::string::npos);
  }
  auto deepest = parseLiteral(std::string(32, '[') + "1" + std::string(32, ']'), true);
  ASSERT_TRUE(static_cast<bool>(deepest)) << llvm::toString(deepest.takeError());
  EXPECT_EQ(deepest->shape.size(), 32u);
  printArray(llvm::nulls(), *deepest);
}

TEST(NpyTest, RejectsRaggedLiterals) {
  for (const char *text : {"[1, [2]]", "[[1], 2]", "[[1], [2, 3]]",
                           "[[[1]], [2]]", "[[1, 2], [[3], 4]]"})
    EXPECT_NE(literalError(text).find("ragged nested lists"), std::string::npos)
        << text;
}

// Found by syna-fuzz-npy: int64 values printed through a double (changed
// beyond 2^53, undefined behaviour at 2^63), and empty arrays of high rank
// whose printing took time exponential in the rank.
TEST(NpyTest, PrintsIntegersExactlyAndEmptyArraysAtOnce) {
  auto extremes = parseLiteral("[9223372036854775807, -9223372036854775808, "
                               "9007199254740993]",
                               /*preferInt=*/true);
  ASSERT_TRUE(static_cast<bool>(extremes)) << llvm::toString(extremes.takeError());
  EXPECT_EQ(extremes->dtype, DType::I64);
  std::string printed;
  {
    llvm::raw_string_ostream os(printed);
    printArray(os, *extremes);
  }
  EXPECT_EQ(printed,
            "[9223372036854775807, -9223372036854775808, 9007199254740993]");
  auto tooBig = parseLiteral("[99999999999999999999]", /*preferInt=*/true);
  ASSERT_TRUE(static_cast<bool>(tooBig));
  EXPECT_EQ(tooBig->dtype, DType::F64);
  HostArray small = extremes->convertedTo(DType::I32);
  std::string narrowing =
      llvm::toString(checkLosslessConversion(*extremes, DType::I32, "x"));
  EXPECT_NE(narrowing.find("x: element 0 = 9223372036854775807 does not fit"),
            std::string::npos)
      << narrowing;
  EXPECT_EQ(small.data.size(), 12u);

  std::string shape = "(0";
  for (int i = 0; i < 31; ++i)
    shape += ", 99";
  auto empty = parseNpy(npy(dict("<f4", shape + ")"), ""), "e.npy");
  ASSERT_TRUE(static_cast<bool>(empty)) << llvm::toString(empty.takeError());
  std::string text;
  {
    llvm::raw_string_ostream os(text);
    printArray(os, *empty);
  }
  EXPECT_EQ(text, "[]");
}

} // namespace
