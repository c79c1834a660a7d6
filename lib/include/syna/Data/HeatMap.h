//===- HeatMap.h - matrices as PNG and SVG pictures --------------*- C++ -*-===//
//
// The pictures of `syna-run explain` (docs/explain.md): a rows×cols matrix
// as a heat map on the viridis colour scale between `low` and `high`, as a
// PNG (each value a square of pixels) and as an SVG (each value a rect,
// with a title and the scale's ends), and as CSV. Files are written
// atomically.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DATA_HEATMAP_H
#define SYNA_DATA_HEATMAP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <array>
#include <string>

namespace syna::data {

struct HeatMap {
  int64_t rows = 0, cols = 0;
  std::vector<double> values; // row-major
  double low = 0, high = 1;   // the ends of the colour scale
  std::string title, rowLabel, colLabel;
};

/// The colour of `value` on the viridis scale from `low` to `high`
/// (clamped), as 8-bit RGB.
std::array<uint8_t, 3> viridis(double value, double low, double high);

/// The PNG's side for one value: squares of at least 2 pixels, the longer
/// side about 512 pixels.
int64_t pngCellSize(const HeatMap &map);

llvm::Error writeHeatMapPng(llvm::StringRef path, const HeatMap &map);
llvm::Error writeHeatMapSvg(llvm::StringRef path, const HeatMap &map);
llvm::Error writeMatrixCsv(llvm::StringRef path, const HeatMap &map);

} // namespace syna::data

#endif // SYNA_DATA_HEATMAP_H
