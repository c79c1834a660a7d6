//===- SynaAttrs.cpp - syna attributes ------------------------------------===//
#include "syna/Dialect/Syna/IR/SynaAttrs.h"

#include "Format.h"
#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace syna;

#include "syna/Dialect/Syna/IR/SynaEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "syna/Dialect/Syna/IR/SynaAttrs.cpp.inc"

void SynaDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "syna/Dialect/Syna/IR/SynaAttrs.cpp.inc"
      >();
}

/// How many arguments each initializer kind takes.
static unsigned expectedArgCount(InitKind kind) {
  switch (kind) {
  case InitKind::Constant:
    return 1;
  case InitKind::Uniform:
  case InitKind::Normal:
    return 2;
  default:
    return 0;
  }
}

// #syna.init<kind> | #syna.init<kind(a, b, ...)>
Attribute InitializerAttr::parse(AsmParser &parser, Type) {
  StringRef keyword;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseKeyword(&keyword))
    return {};
  std::optional<InitKind> kind = symbolizeInitKind(keyword);
  if (!kind) {
    parser.emitError(loc, "unknown initializer '")
        << keyword
        << "'; expected zeros, ones, constant, uniform, normal, "
           "kaiming_uniform, kaiming_normal or xavier_uniform";
    return {};
  }
  SmallVector<double> args;
  if (succeeded(parser.parseOptionalLParen())) {
    if (parser.parseCommaSeparatedList([&]() {
          double value;
          if (parser.parseFloat(value))
            return failure();
          args.push_back(value);
          return success();
        }) ||
        parser.parseRParen())
      return {};
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); },
                    parser.getContext(), *kind,
                    DenseF64ArrayAttr::get(parser.getContext(), args));
}

void InitializerAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyInitKind(getKind());
  if (!getArgs().empty()) {
    printer << '(';
    llvm::interleaveComma(getArgs().asArrayRef(), printer, [&](double value) {
      printer << formatFloatLiteral(value);
    });
    printer << ')';
  }
  printer << '>';
}

LogicalResult
InitializerAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                        InitKind kind, DenseF64ArrayAttr argsAttr) {
  ArrayRef<double> args = argsAttr.asArrayRef();
  unsigned expected = expectedArgCount(kind);
  if (args.size() != expected)
    return emitError() << "initializer '" << stringifyInitKind(kind)
                       << "' takes " << expected << " argument"
                       << (expected == 1 ? "" : "s") << ", got "
                       << args.size();
  for (double value : args)
    if (!std::isfinite(value))
      return emitError() << "initializer arguments must be finite";
  if (kind == InitKind::Uniform && !(args[0] < args[1]))
    return emitError() << "uniform initializer needs low < high, got ("
                       << formatNumber(args[0]) << ", "
                       << formatNumber(args[1]) << ")";
  if (kind == InitKind::Normal && !(args[1] > 0))
    return emitError()
           << "normal initializer needs a positive standard deviation, got "
           << formatNumber(args[1]);
  return success();
}
