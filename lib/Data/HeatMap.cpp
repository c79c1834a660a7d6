//===- HeatMap.cpp - matrices as PNG and SVG pictures ---------------------===//
//
// PNG: 8-bit RGB, one IDAT chunk deflated by zlib, CRCs by zlib's crc32
// (the format of the PNG specification, ISO/IEC 15948).
//
//===----------------------------------------------------------------------===//
#include "syna/Data/HeatMap.h"

#include "syna/Data/InputLimits.h"
#include "syna/Data/Metrics.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <zlib.h>

namespace syna::data {

std::array<uint8_t, 3> viridis(double value, double low, double high) {
  // Matplotlib's viridis at 0, 1/4, 1/2, 3/4 and 1.
  static const double stops[5][3] = {{68, 1, 84},
                                     {59, 82, 139},
                                     {33, 145, 140},
                                     {94, 201, 98},
                                     {253, 231, 37}};
  double t = high > low ? (value - low) / (high - low) : 0.5;
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
  double at = t * 4;
  int i = std::min(3, int(at));
  double f = at - i;
  std::array<uint8_t, 3> rgb;
  for (int c = 0; c < 3; ++c)
    rgb[c] = uint8_t(std::lround(stops[i][c] + f * (stops[i + 1][c] - stops[i][c])));
  return rgb;
}

int64_t pngCellSize(const HeatMap &map) {
  return std::max<int64_t>(2, 512 / std::max<int64_t>(1, std::max(map.rows, map.cols)));
}

static void bigEndian32(std::string &out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(char(value >> shift));
}

static void chunk(std::string &png, llvm::StringRef type, llvm::StringRef data) {
  bigEndian32(png, data.size());
  std::string typed = (type + data).str();
  png += typed;
  bigEndian32(png, crc32(0, reinterpret_cast<const Bytef *>(typed.data()),
                         typed.size()));
}

llvm::Error writeHeatMapPng(llvm::StringRef path, const HeatMap &map) {
  int64_t cell = pngCellSize(map);
  int64_t width = map.cols * cell, height = map.rows * cell;
  // Each scanline: filter type 0, then RGB.
  std::string raw;
  raw.reserve(height * (1 + 3 * width));
  for (int64_t y = 0; y < height; ++y) {
    raw.push_back(0);
    for (int64_t x = 0; x < width; ++x) {
      auto rgb = viridis(map.values[(y / cell) * map.cols + x / cell], map.low,
                         map.high);
      raw.append(reinterpret_cast<const char *>(rgb.data()), 3);
    }
  }
  uLongf size = compressBound(raw.size());
  std::string deflated(size, '\0');
  if (compress2(reinterpret_cast<Bytef *>(deflated.data()), &size,
                reinterpret_cast<const Bytef *>(raw.data()), raw.size(),
                Z_BEST_COMPRESSION) != Z_OK)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: zlib could not compress the image",
                                   path.str().c_str());
  deflated.resize(size);
  std::string header;
  bigEndian32(header, width);
  bigEndian32(header, height);
  header += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", deflated);
  chunk(png, "IEND", "");
  return writeFileAtomically(path, [&](llvm::raw_ostream &os) {
    os << png;
    return llvm::Error::success();
  });
}

llvm::Error writeHeatMapSvg(llvm::StringRef path, const HeatMap &map) {
  // Cells of at least 4 px, the matrix about 640 px wide; a title above,
  // the axis labels and the colour scale below.
  double cell = std::max(4.0, 640.0 / std::max<int64_t>(1, map.cols));
  double width = map.cols * cell, height = map.rows * cell;
  double left = 40, top = 40;
  return writeFileAtomically(path, [&](llvm::raw_ostream &os) {
    os << llvm::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                       "height=\"%.0f\" font-family=\"sans-serif\" font-size=\"13\">\n",
                       width + 2 * left, height + top + 90);
    os << "<text x=\"" << left << "\" y=\"24\">" << escapeXml(map.title)
       << "</text>\n<g shape-rendering=\"crispEdges\">\n";
    for (int64_t r = 0; r < map.rows; ++r)
      for (int64_t c = 0; c < map.cols; ++c) {
        auto rgb = viridis(map.values[r * map.cols + c], map.low, map.high);
        os << llvm::format("<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                           "height=\"%.2f\" fill=\"#%02x%02x%02x\"/>\n",
                           left + c * cell, top + r * cell, cell, cell, rgb[0],
                           rgb[1], rgb[2]);
      }
    os << "</g>\n";
    double below = top + height;
    os << llvm::format("<text x=\"%.0f\" y=\"%.0f\">", left, below + 20)
       << escapeXml(map.colLabel) << " →</text>\n";
    os << llvm::format("<text x=\"12\" y=\"%.0f\" transform=\"rotate(-90 12 %.0f)\">",
                       top + height, top + height)
       << escapeXml(map.rowLabel) << " →</text>\n";
    // The colour scale: 64 steps from low to high, with its ends.
    double barWidth = std::min(width, 320.0), step = barWidth / 64;
    for (int i = 0; i < 64; ++i) {
      auto rgb = viridis(i + 0.5, 0, 64);
      os << llvm::format("<rect x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"14\" "
                         "fill=\"#%02x%02x%02x\"/>\n",
                         left + i * step, below + 36, step + 0.5, rgb[0], rgb[1],
                         rgb[2]);
    }
    os << llvm::format("<text x=\"%.0f\" y=\"%.0f\">%.4g</text>\n", left,
                       below + 68, map.low)
       << llvm::format("<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%.4g</text>\n",
                       left + barWidth, below + 68, map.high)
       << "</svg>\n";
    return llvm::Error::success();
  });
}

llvm::Error writeMatrixCsv(llvm::StringRef path, const HeatMap &map) {
  return writeFileAtomically(path, [&](llvm::raw_ostream &os) {
    for (int64_t r = 0; r < map.rows; ++r) {
      for (int64_t c = 0; c < map.cols; ++c)
        os << (c ? "," : "")
           << llvm::format("%.9g", map.values[r * map.cols + c]);
      os << "\n";
    }
    return llvm::Error::success();
  });
}

} // namespace syna::data
