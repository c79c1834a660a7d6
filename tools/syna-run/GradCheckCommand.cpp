//===- GradCheckCommand.cpp - syna-run gradcheck --------------------------===//
//
//   syna-run gradcheck FILE --graph NAME [--seed S] [--batch B] [--rtol R]
//                      [--atol A] [--eps H] [--samples N]
//
// Prints one line per checked gradient and `N passed, N failed`; exits 1
// when one fails (docs/autodiff.md).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "mlir/IR/MLIRContext.h"
#include "syna/Execution/GradCheck.h"
#include "syna/Execution/Signature.h"
#include "syna/InitAll.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace syna::tool {
namespace {

cl::SubCommand command(
    "gradcheck", "compare a graph's input and parameter gradients "
                 "(syna-autodiff) with central finite differences in float64");
cl::opt<std::string> file(cl::Positional, cl::desc("<module>"), cl::Required,
                          cl::sub(command));
cl::opt<std::string> graph("graph", cl::desc("graph (func.func) to check"),
                           cl::Required, cl::sub(command));
cl::opt<int64_t> batch("batch", cl::desc("extent of dynamic dimensions"),
                       cl::init(3), cl::sub(command));
cl::opt<double> rtol("rtol", cl::desc("relative tolerance"), cl::init(1e-5),
                     cl::sub(command));
cl::opt<double> atol("atol", cl::desc("absolute tolerance"), cl::init(1e-7),
                     cl::sub(command));
cl::opt<double> eps("eps", cl::desc("relative step h = eps·max(1, |v|)"),
                    cl::init(1e-6), cl::sub(command));
cl::opt<int64_t> samples("samples",
                         cl::desc("elements checked per tensor (a seeded "
                                  "sample when the tensor is larger)"),
                         cl::init(64), cl::sub(command));

void print(const GradCheckOptions &options, const GradCheckReport &report) {
  llvm::outs() << llvm::formatv(
      "gradcheck @{0}: L = {1:e}, {2} inputs, {3} parameters, h = "
      "{4:e}·max(1, |v|), tolerance atol {5:e} + rtol {6:e}·max(|a|, |n|) + "
      "32·u·Σ|L terms|/h\n",
      options.graph, report.loss, report.inputs, report.parameters,
      options.eps, options.atol, options.rtol);
  for (const TensorCheck &t : report.tensors)
    llvm::outs() << llvm::formatv(
        "{0} {1} ({2}): {3}/{4} elements, max abs err {5:e}, max rel err "
        "{6:e}; worst {7}: analytic {8:e} numeric {9:e}\n",
        t.passed ? "PASS" : "FAIL", t.label, t.shape, t.checked, t.elements,
        t.maxAbsError, t.maxRelError, t.worstIndex, t.worstAnalytic,
        t.worstNumeric);
  int failures = report.failures();
  llvm::outs() << int(report.tensors.size()) - failures << " passed, "
               << failures << " failed\n";
}

/// The limits keep a check's float64 copies of the graph's inputs and its
/// 2·samples evaluations per tensor small; a step h in (0, 0.1] keeps the
/// central difference a derivative.
llvm::Error checkOptions(const GradCheckOptions &options) {
  using T = FieldType;
  llvm::Error error = llvm::joinErrors(
      checkFlag("batch", options.batch, flagRule(T::Int, Range::closed(1, 4096))),
      checkFlag("samples", options.maxSamples,
                flagRule(T::Int, Range::closed(1, 1 << 20))));
  error = llvm::joinErrors(
      std::move(error),
      checkFlag("eps", options.eps, flagRule(T::Float, Range::openClosed(0, 0.1))));
  for (auto [flag, value] : {std::pair{"rtol", options.rtol}, std::pair{"atol", options.atol}})
    error = llvm::joinErrors(
        std::move(error),
        checkFlag(flag, value, flagRule(T::Float, Range::closed(0, 1))));
  return llvm::joinErrors(std::move(error), options.compile.validate());
}

int gradcheckMain() {
  GradCheckOptions options;
  options.graph = graph;
  options.batch = batch;
  options.rtol = rtol;
  options.atol = atol;
  options.eps = eps;
  options.maxSamples = samples;
  options.compile = compileOptionsFromFlags();
  if (llvm::Error e = checkOptions(options))
    return fail(std::move(e));
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  OwningOpRef<ModuleOp> module = loadModule(file, context);
  if (!module)
    return 1;
  llvm::Expected<GradCheckReport> report = gradCheck(*module, options);
  if (!report)
    return fail(report.takeError());
  print(options, *report);
  return report->failures() == 0 ? 0 : 1;
}

} // namespace

Subcommand gradcheckCommand() { return {command, gradcheckMain}; }

} // namespace syna::tool
