//===- TypeInference.h - shape, type and domain rules of the ops -*- C++ -*-===//
//
// One home for each op's rules (docs/architecture.md, "One source of truth
// per op"). A rule receives the op's arguments in ODS order, as shapes and
// attribute values, checks them and infers the result types. The dialect's
// verifiers and `inferReturnTypes`, and the .syna front end's semantic
// checks all call the same rule; only the printing of types differs
// (`tensor<?x64xf32>` in MLIR, `f32[B, 64]` in .syna).
//
// syna-tblgen generates, from the ODS of every op, an argument struct
// (`SynapseDenseArgs`, in SynaOpArgs.h.inc) and the declaration of its rule
// (`inferSynapseDense`). Rules that ODS spells out (`shapeRuleCall`, e.g.
// the elementwise functions) are generated too; the others are written in
// TypeInference.cpp.
//
// Standard C++ only: the front end's fuzz targets compile these sources.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_TYPEINFERENCE_H
#define SYNA_DIALECT_SYNA_IR_TYPEINFERENCE_H

#include "syna/Support/Shape.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace syna {

//===----------------------------------------------------------------------===//
// Value domains of operands
//===----------------------------------------------------------------------===//

/// The values an operand may hold, declared once per operand in ODS by its
/// type constraint (`Syna_ProbTensor`, ...). The verifier checks constant
/// operands, the front end constants and parameter domains, syna-run the
/// inputs it is given, gradcheck draws its inputs inside them.
enum class ValueDomain : uint8_t {
  Probability,         // [0, 1]: channel probabilities x, y and β
  ProbabilityBelowOne, // [0, 1): the input of odds
  Positive,            // (0, ∞): gains α, the argument of G and n_BE
  NonNegative,         // [0, ∞): surprisals −log p, variances
  ClassIndex,          // integers in [0, C), C the class count
};

struct Interval {
  double low, high;
  bool lowOpen, highOpen;
  bool integral; // only integers belong to it
};

/// The interval of `domain`; `classes` is C for ClassIndex (−1: unknown).
Interval intervalOf(ValueDomain domain, int64_t classes = -1);
bool contains(const Interval &interval, double value);
/// "[0, 1]", "(0, inf)", "integers in [0, 10)".
std::string describe(const Interval &interval);
/// What a value must do to belong: "lie in [0, 1]", "be an integer in
/// [0, 10)".
std::string requirement(const Interval &interval);
/// The .syna parameter domains (`in unit`, ...) whose values stay inside
/// `domain` by construction; empty when no parameter may feed it.
std::vector<std::string> parameterDomainsFor(ValueDomain domain);

//===----------------------------------------------------------------------===//
// Arguments and results of a rule
//===----------------------------------------------------------------------===//

/// One argument of an op as the rules see it: an operand's shape or an
/// attribute's value. The ODS kind of the argument says which field holds
/// it; absent optional arguments have `present == false`.
struct ArgValue {
  bool present = false;
  bool unsupported = false;       // an operand of a type the rules do not know
  TensorDesc tensor;              // operands (tensors and i64 scalars)
  int64_t integer = 0;            // integer attributes
  double real = 0;                // float attributes
  bool flag = false;              // unit attributes
  std::vector<int64_t> integers;  // integer array attributes
  std::string name;               // enum attributes: the case's spelling
};

/// RuleError::argument of a message about the result types that an op
/// states (a reshape's target): the front end points at the argument that
/// gives them.
inline constexpr int kStatedResults = -2;

/// Where and why a rule rejected its arguments.
struct RuleError {
  /// The ODS index of the argument the message is about (where the front
  /// end puts its caret), kStatedResults, or −1 for the op as a whole.
  int argument = -1;
  /// A clause that names what it is about, e.g. "beta must be square (n x n),
  /// got f32[64, 32]"; the dialect prefixes it with the op, the front end
  /// with the built-in's name.
  std::string message;
};

/// What a rule is given besides its arguments, and what it reports.
class RuleContext {
public:
  using TypePrinter = std::function<std::string(const TensorDesc &)>;

  explicit RuleContext(TypePrinter printer) : printer(std::move(printer)) {}

  /// Records the first error; returns std::nullopt for `return ctx.fail(...)`.
  std::nullopt_t fail(int argument, std::string message);
  std::string show(const TensorDesc &type) const { return printer(type); }
  bool failed() const { return error.has_value(); }

  std::optional<RuleError> error;

private:
  TypePrinter printer;
};

/// The result types a rule infers, in result order.
using InferredTypes = std::vector<TensorDesc>;
using RuleResult = std::optional<InferredTypes>;

//===----------------------------------------------------------------------===//
// Building blocks of the rules
//===----------------------------------------------------------------------===//

namespace rules {

/// Every given operand has the element type of the first one.
bool sameElementType(RuleContext &ctx,
                     std::initializer_list<std::pair<int, const TensorDesc *>>
                         operands);
/// `type` has one of `ranks`; `name` is how the message calls it.
bool hasRank(RuleContext &ctx, int argument, const char *name,
             const TensorDesc &type, std::initializer_list<size_t> ranks);
/// An absent `type` passes; otherwise it must be a vector of `size`.
bool isVector(RuleContext &ctx, int argument, const char *name,
              const TensorDesc *type, const Dim &size, const char *meaning);
/// The NumPy broadcast of the given (present) operands' shapes.
std::optional<std::vector<Dim>>
broadcast(RuleContext &ctx,
          std::initializer_list<std::pair<int, const TensorDesc *>> operands,
          std::initializer_list<const char *> names);
/// The elementwise functions of one tensor: the result has its type.
RuleResult sameAsInput(const TensorDesc &input);
/// Ops along an axis of their input (softmax): the axis is in range and the
/// result has the input's type.
RuleResult alongAxis(RuleContext &ctx, int axisArgument,
                     const TensorDesc &input, int64_t axis);
/// Losses of class scores [B, C] against labels [B]: a scalar.
RuleResult loss(RuleContext &ctx, int inputArgument, int labelsArgument,
                const TensorDesc &input, const TensorDesc &labels);
/// `values` has two entries, each at least `minimum`.
bool isWindowPair(RuleContext &ctx, int argument, const char *name,
                  const std::vector<int64_t> &values, int64_t minimum);
/// NCHW output shape of a sliding window over `input` with `channels`
/// output channels; fails when the window is larger than the padded input.
std::optional<std::vector<Dim>>
windowShape(RuleContext &ctx, int argument, const TensorDesc &input,
            const Dim &channels, const Dim &kernelH, const Dim &kernelW,
            const std::vector<int64_t> &strides,
            const std::vector<int64_t> &padding);

} // namespace rules

} // namespace syna

// The argument structs and rule declarations of every op (syna-tblgen).
#include "syna/Dialect/Syna/IR/SynaOpArgs.h.inc"

#endif // SYNA_DIALECT_SYNA_IR_TYPEINFERENCE_H
