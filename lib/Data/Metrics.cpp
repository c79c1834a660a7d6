//===- Metrics.cpp - per-epoch training metrics, as CSV and SVG -----------===//
#include "syna/Data/Metrics.h"
#include "syna/Data/InputLimits.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>

using namespace syna::data;

llvm::Error syna::data::writeMetricsCsv(llvm::StringRef path,
                                        const std::vector<EpochMetrics> &epochs) {
  return writeFileAtomically(path, [&](llvm::raw_ostream &os) {
    os << "epoch,train_loss,test_loss,test_accuracy,images_per_second,seconds\n";
    for (const EpochMetrics &m : epochs)
      os << m.epoch << ',' << llvm::format("%.6f", m.trainLoss) << ','
         << llvm::format("%.6f", m.testLoss) << ','
         << llvm::format("%.6f", m.testAccuracy) << ','
         << llvm::format("%.1f", m.imagesPerSecond) << ','
         << llvm::format("%.3f", m.seconds) << '\n';
    return llvm::Error::success();
  });
}

namespace {
/// Maps data coordinates into the plot rectangle.
struct Frame {
  double left = 70, right = 570, top = 50, bottom = 330;
  double epochs;
  double x(double epoch) const {
    return left + (right - left) * (epochs <= 1 ? 0.5 : (epoch - 1) / (epochs - 1));
  }
  double y(double value, double low, double high) const {
    return bottom - (bottom - top) * (value - low) / (high - low);
  }
};

} // namespace

std::string syna::data::escapeXml(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

llvm::Error syna::data::writeMetricsSvg(llvm::StringRef path,
                                        llvm::StringRef title,
                                        const std::vector<EpochMetrics> &epochs) {
  Frame frame;
  frame.epochs = std::max<size_t>(epochs.size(), 1);
  double maxLoss = 0;
  for (const EpochMetrics &m : epochs)
    for (double loss : {m.trainLoss, m.testLoss})
      if (std::isfinite(loss))
        maxLoss = std::max(maxLoss, loss);
  maxLoss = maxLoss > 0 ? maxLoss * 1.1 : 1.0;

  auto polyline = [&](llvm::raw_ostream &os, auto value, double high,
                      llvm::StringRef color) {
    os << "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" << color
       << "\" points=\"";
    for (const EpochMetrics &m : epochs)
      if (std::isfinite(value(m)))
        os << llvm::format("%.1f,%.1f ", frame.x(m.epoch),
                           frame.y(value(m), 0, high));
    os << "\"/>\n";
  };

  return writeFileAtomically(path, [&](llvm::raw_ostream &os) {
    os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" "
          "height=\"400\" font-family=\"sans-serif\" font-size=\"12\">\n"
       << "<rect width=\"640\" height=\"400\" fill=\"white\"/>\n"
       << "<text x=\"320\" y=\"25\" text-anchor=\"middle\" font-size=\"15\">"
       << escapeXml(title) << "</text>\n";
    // Axes, ticks and gridlines: five steps on each vertical axis.
    os << llvm::format("<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" "
                       "height=\"%.0f\" fill=\"none\" stroke=\"black\"/>\n",
                       frame.left, frame.top, frame.right - frame.left,
                       frame.bottom - frame.top);
    for (int i = 0; i <= 5; ++i) {
      double y = frame.y(i / 5.0, 0, 1);
      os << llvm::format("<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" "
                         "stroke=\"#ddd\"/>\n",
                         frame.left, frame.right, y, y)
         << llvm::format("<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">"
                         "%.3g</text>\n",
                         frame.left - 6, y + 4, maxLoss * i / 5)
         << llvm::format("<text x=\"%.0f\" y=\"%.1f\">%.0f%%</text>\n",
                         frame.right + 6, y + 4, 100.0 * i / 5);
    }
    for (const EpochMetrics &m : epochs)
      os << llvm::format("<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">"
                         "%d</text>\n",
                         frame.x(m.epoch), frame.bottom + 16, m.epoch);
    os << "<text x=\"320\" y=\"365\" text-anchor=\"middle\">epoch</text>\n"
       << "<text x=\"20\" y=\"190\" transform=\"rotate(-90 20 190)\" "
          "text-anchor=\"middle\">loss</text>\n"
       << "<text x=\"625\" y=\"190\" transform=\"rotate(90 625 190)\" "
          "text-anchor=\"middle\">test accuracy</text>\n";
    polyline(os, [](const EpochMetrics &m) { return m.trainLoss; }, maxLoss,
             "#1f77b4");
    polyline(os, [](const EpochMetrics &m) { return m.testLoss; }, maxLoss,
             "#ff7f0e");
    polyline(os, [](const EpochMetrics &m) { return m.testAccuracy; }, 1.0,
             "#2ca02c");
    // Legend.
    int row = 0;
    for (auto [label, color] :
         {std::pair<const char *, const char *>{"train loss", "#1f77b4"},
          {"test loss", "#ff7f0e"},
          {"test accuracy", "#2ca02c"}}) {
      double y = 385;
      double x = 150 + 130 * row++;
      os << llvm::format("<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\" "
                         "stroke=\"%s\" stroke-width=\"3\"/>\n",
                         x, x + 20, y - 4, y - 4, color)
         << llvm::format("<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", x + 26, y,
                         label);
    }
    os << "</svg>\n";
    return llvm::Error::success();
  });
}
