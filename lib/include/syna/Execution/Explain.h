//===- Explain.h - what a trained SynaNN has learned, as pictures -*- C++ -*-===//
//
// The library behind `syna-run explain` (docs/explain.md). For each synapse
// tensor of a model's graph whose β is a parameter it writes the inhibition
// map β (the domain map of the checkpoint's θ), and, over the test set, the
// mean excitatory input x and synapse output y of each class; and the
// model's graph, as Graphviz DOT and, when Graphviz's `dot` is installed,
// SVG. Matrices are written as PNG, SVG and CSV (syna/Data/HeatMap.h).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_EXPLAIN_H
#define SYNA_EXECUTION_EXPLAIN_H

#include "syna/Execution/Trainer.h"

namespace syna {

struct ExplainReport {
  std::vector<std::string> files; // every file written, in order
  int64_t images = 0;             // test images the class means cover
  bool graphSvg = false;          // false: no Graphviz, graph.dot only
};

/// Explains the model of `config.file` with `config.checkpoint` into
/// `outDir` (created when missing).
llvm::Expected<ExplainReport> explainModel(const EvalConfig &config,
                                           llvm::StringRef outDir);

/// The model's graph as Graphviz DOT: one node per argument, op and result,
/// parameters as boxes (named, with their domain), one edge per use.
llvm::Expected<std::string> graphToDot(llvm::StringRef file);

} // namespace syna

#endif // SYNA_EXECUTION_EXPLAIN_H
