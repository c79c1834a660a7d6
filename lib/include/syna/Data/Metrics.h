//===- Metrics.h - per-epoch training metrics, as CSV and SVG ---*- C++ -*-===//
#ifndef SYNA_DATA_METRICS_H
#define SYNA_DATA_METRICS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace syna::data {

struct EpochMetrics {
  int epoch = 0;
  double trainLoss = 0;
  double testLoss = 0;
  double testAccuracy = 0; // in [0, 1]
  double imagesPerSecond = 0;
  double seconds = 0;
};

/// Writes `epoch,train_loss,test_loss,test_accuracy,images_per_second,seconds`
/// rows, atomically.
/// `text` with XML's special characters escaped, for the SVGs that
/// syna::data writes (metrics plots, heat maps).
std::string escapeXml(llvm::StringRef text);

llvm::Error writeMetricsCsv(llvm::StringRef path,
                            const std::vector<EpochMetrics> &epochs);

/// Writes an SVG chart a browser opens: train and test loss (left axis) and
/// test accuracy (right axis) per epoch, atomically.
llvm::Error writeMetricsSvg(llvm::StringRef path, llvm::StringRef title,
                            const std::vector<EpochMetrics> &epochs);

} // namespace syna::data

#endif // SYNA_DATA_METRICS_H
