//===- MetricsTest.cpp - metrics CSV and SVG ------------------------------===//
#include "syna/Data/Metrics.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace syna::data;

namespace {

std::string read(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().str() : "";
}

class MetricsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("syna-metrics", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }
  llvm::SmallString<128> dir;
  std::vector<EpochMetrics> epochs = {{1, 0.9, 0.8, 0.75, 12000.5, 2.0},
                                      {2, 0.5, 0.45, 0.875, 13000.0, 1.5}};
};

TEST_F(MetricsTest, CsvHasHeaderAndOneRowPerEpoch) {
  std::string path = (dir + "/m.csv").str();
  ASSERT_FALSE(writeMetricsCsv(path, epochs));
  EXPECT_EQ(read(path),
            "epoch,train_loss,test_loss,test_accuracy,images_per_second,seconds\n"
            "1,0.900000,0.800000,0.750000,12000.5,2.000\n"
            "2,0.500000,0.450000,0.875000,13000.0,1.500\n");
}

TEST_F(MetricsTest, SvgPlotsEveryCurve) {
  std::string path = (dir + "/m.svg").str();
  ASSERT_FALSE(writeMetricsSvg(path, "mnist <synacnn>", epochs));
  std::string svg = read(path);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("mnist &lt;synacnn&gt;"), std::string::npos);
  // Accuracy 0.75 at epoch 1 (x = 70) and 0.875 at epoch 2 (x = 570) on a
  // plot 280 px high with its bottom at y = 330.
  EXPECT_NE(svg.find("points=\"70.0,120.0 570.0,85.0 \""), std::string::npos) << svg;
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

} // namespace
