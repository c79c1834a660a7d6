//===- Explain.cpp - what a trained SynaNN has learned, as pictures -------===//
//
// See Explain.h and docs/explain.md.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/Explain.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "syna/Data/HeatMap.h"
#include "syna/Data/InputLimits.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/InitAll.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace mlir;

namespace syna {

static llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

namespace {
/// Per class c and unit j: the sums of x and y over the test images of
/// class c, for one synapse tensor of width n.
struct ClassSums {
  int64_t width = 0;
  std::vector<double> x, y; // [class][j]
};
} // namespace

/// Runs the probe step over the test set in the model's batches and sums
/// each synapse tensor's x and y per class.
static llvm::Error sumPerClass(ModelSession &session,
                               const data::LabelledImages &test, int64_t batch,
                               int64_t classes, std::vector<ClassSums> &sums,
                               std::vector<int64_t> &counts) {
  counts.assign(classes, 0);
  return forEachTestBatch(
      session, test, batch,
      [&](HostArray images, HostArray labels) -> llvm::Error {
        llvm::Expected<std::vector<HostArray>> results =
            session.probe(std::move(images));
        if (!results)
          return results.takeError();
        for (auto [k, site] : llvm::enumerate(sums)) {
          const HostArray &x = (*results)[1 + 2 * k], &y = (*results)[2 + 2 * k];
          site.width = x.shape.back();
          site.x.resize(classes * site.width);
          site.y.resize(classes * site.width);
          for (int64_t b = 0, n = labels.numElements(); b < n; ++b) {
            int64_t at = int64_t(labels.at(b)) * site.width;
            for (int64_t j = 0; j < site.width; ++j) {
              site.x[at + j] += x.at(b * site.width + j);
              site.y[at + j] += y.at(b * site.width + j);
            }
          }
        }
        for (int64_t b = 0, n = labels.numElements(); b < n; ++b)
          ++counts[int64_t(labels.at(b))];
        return llvm::Error::success();
      });
}

/// Writes `map` as NAME.csv, NAME.svg and NAME.png in `dir`.
static llvm::Error writeMap(llvm::StringRef dir, llvm::StringRef name,
                            const data::HeatMap &map,
                            std::vector<std::string> &files) {
  for (llvm::StringRef extension : {".csv", ".svg", ".png"}) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, name + extension);
    llvm::Error written =
        extension == ".csv"   ? data::writeMatrixCsv(path, map)
        : extension == ".svg" ? data::writeHeatMapSvg(path, map)
                              : data::writeHeatMapPng(path, map);
    if (written)
      return written;
    files.push_back(path.str().str());
  }
  return llvm::Error::success();
}

/// The per-class means of one synapse tensor as two heat maps (x and y),
/// each on the scale from 0 to its largest mean.
static llvm::Error writeClassMeans(llvm::StringRef dir, llvm::StringRef param,
                                   const ClassSums &site,
                                   llvm::ArrayRef<int64_t> counts,
                                   std::vector<std::string> &files) {
  for (bool output : {false, true}) {
    data::HeatMap map;
    map.rows = counts.size();
    map.cols = site.width;
    map.values = output ? site.y : site.x;
    for (int64_t c = 0; c < map.rows; ++c)
      for (int64_t j = 0; j < map.cols; ++j)
        map.values[c * map.cols + j] /= std::max<int64_t>(1, counts[c]);
    map.low = 0;
    map.high = *std::max_element(map.values.begin(), map.values.end());
    map.title = (output ? "mean synapse output y of each class, @"
                        : "mean excitatory input x of each class, @") +
                param.str();
    map.rowLabel = "class";
    map.colLabel = output ? "output unit i" : "input unit j";
    std::string name =
        (param + (output ? ".class-output" : ".class-input")).str();
    if (llvm::Error e = writeMap(dir, name, map, files))
      return e;
  }
  return llvm::Error::success();
}

/// graph.dot, and graph.svg through Graphviz's `dot` when it is installed.
static llvm::Error writeGraph(llvm::StringRef file, llvm::StringRef dir,
                              ExplainReport &report) {
  llvm::Expected<std::string> dot = graphToDot(file);
  if (!dot)
    return dot.takeError();
  llvm::SmallString<256> dotPath(dir), svgPath(dir);
  llvm::sys::path::append(dotPath, "graph.dot");
  llvm::sys::path::append(svgPath, "graph.svg");
  if (llvm::Error e = data::writeFileAtomically(
          dotPath, [&](llvm::raw_ostream &os) {
            os << *dot;
            return llvm::Error::success();
          }))
    return e;
  report.files.push_back(dotPath.str().str());
  llvm::ErrorOr<std::string> program = llvm::sys::findProgramByName("dot");
  if (!program)
    return llvm::Error::success();
  std::string temporary = data::temporaryPathFor(svgPath);
  llvm::StringRef args[] = {*program, "-Tsvg", dotPath, "-o", temporary};
  std::string message;
  if (llvm::sys::ExecuteAndWait(*program, args, std::nullopt, {}, 60, 0,
                                &message) != 0) {
    llvm::sys::fs::remove(temporary);
    return err("Graphviz's dot failed on " + dotPath + ": " + message);
  }
  if (std::error_code code = llvm::sys::fs::rename(temporary, svgPath))
    return err("cannot write " + svgPath + ": " + code.message());
  report.files.push_back(svgPath.str().str());
  report.graphSvg = true;
  return llvm::Error::success();
}

llvm::Expected<ExplainReport> explainModel(const EvalConfig &config,
                                           llvm::StringRef outDir) {
  auto session = openWithCheckpoint(config, ModelSession::Mode::Explain);
  if (!session)
    return session.takeError();
  const std::vector<std::string> &params = (*session)->probedParameters();
  if (params.empty())
    return err("graph @" + (*session)->spec().graph +
               " has no synapse tensor (synapse_dense) whose β is a "
               "parameter: there is no inhibition map to explain");
  llvm::Expected<data::LabelledImages> test = loadTestSet(**session, config);
  if (!test)
    return test.takeError();
  if (std::error_code code = llvm::sys::fs::create_directories(outDir))
    return err("cannot create " + outDir + ": " + code.message());

  ExplainReport report;
  report.images = test->size();
  for (const std::string &param : params) {
    llvm::Expected<HostArray> beta = (*session)->parameterValue(param);
    if (!beta)
      return beta.takeError();
    data::HeatMap map;
    map.rows = beta->shape[0];
    map.cols = beta->shape[1];
    map.values.resize(beta->numElements());
    for (auto [i, value] : llvm::enumerate(map.values))
      value = beta->at(i);
    map.title = "inhibition β = σ(θ) of @" + param + " (row i: output, column j: input)";
    map.rowLabel = "output i";
    map.colLabel = "input j";
    if (llvm::Error e =
            writeMap(outDir, param + ".inhibition", map, report.files))
      return std::move(e);
  }
  // loadSplit never returns an empty split ("holds no images").
  int64_t classes = *std::max_element(test->labels.begin(), test->labels.end()) + 1;
  std::vector<ClassSums> sums(params.size());
  std::vector<int64_t> counts;
  if (llvm::Error e =
          sumPerClass(**session, *test,
                      config.batch.value_or((*session)->spec().batch), classes,
                      sums, counts))
    return std::move(e);
  for (auto [param, site] : llvm::zip(params, sums))
    if (llvm::Error e = writeClassMeans(outDir, param, site, counts, report.files))
      return std::move(e);
  if (llvm::Error e = writeGraph(config.file, outDir, report))
    return std::move(e);
  return report;
}

//===----------------------------------------------------------------------===//
// The graph as DOT
//===----------------------------------------------------------------------===//

static std::string typeText(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    os << "[";
    llvm::interleave(
        tensor.getShape(), os,
        [&](int64_t d) { ShapedType::isDynamic(d) ? os << "B" : os << d; },
        ", ");
    os << "]";
  } else {
    os << type;
  }
  return text;
}

llvm::Expected<std::string> graphToDot(llvm::StringRef file) {
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  OwningOpRef<ModuleOp> module = loadModule(file, context);
  if (!module)
    return err("cannot load " + file);
  auto model = (*module)->getAttrOfType<ModelAttr>(kModelAttrName);
  auto graph = model ? module->lookupSymbol<func::FuncOp>(model.getSpec().graph)
                     : func::FuncOp();
  if (!graph)
    return err(file + " has no model graph");
  llvm::DenseMap<Value, std::string> node;
  std::string dot;
  llvm::raw_string_ostream os(dot);
  os << "digraph \"" << graph.getSymName() << "\" {\n"
     << "  rankdir=TB; node [fontname=\"sans-serif\", fontsize=11];\n";
  for (BlockArgument arg : graph.getArguments()) {
    node[arg] = "arg" + std::to_string(arg.getArgNumber());
    os << "  " << node[arg] << " [shape=ellipse, label=\"input "
       << arg.getArgNumber() << "\\n" << typeText(arg.getType()) << "\"];\n";
  }
  int64_t next = 0;
  for (Operation &op : graph.getBody().front()) {
    std::string id = "op" + std::to_string(next++);
    if (auto ref = dyn_cast<ParamRefOp>(op)) {
      os << "  " << id << " [shape=box, style=filled, fillcolor=\"#e8e0f0\", "
         << "label=\"@" << ref.getName() << "\\n" << typeText(ref.getType())
         << "\"];\n";
    } else if (isa<func::ReturnOp>(op)) {
      os << "  " << id << " [shape=ellipse, label=\"result\"];\n";
    } else {
      llvm::StringRef name = op.getName().getStringRef();
      name.consume_front("syna.");
      bool synapse = isa<SynapseDenseOp>(op);
      os << "  " << id << " [shape=box, style=\"rounded,filled\", fillcolor=\""
         << (synapse ? "#fde725" : "#f4f4f4") << "\", label=\"" << name;
      if (op.getNumResults())
        os << "\\n" << typeText(op.getResult(0).getType());
      os << "\"];\n";
    }
    for (Value operand : op.getOperands())
      if (auto it = node.find(operand); it != node.end())
        os << "  " << it->second << " -> " << id << ";\n";
    for (Value result : op.getResults())
      node[result] = id;
  }
  os << "}\n";
  return dot;
}

} // namespace syna
