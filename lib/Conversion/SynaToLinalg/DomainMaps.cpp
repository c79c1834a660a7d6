//===- DomainMaps.cpp - a parameter's θ mapped onto its domain ------------===//
#include "syna/Conversion/DomainMaps.h"

#include "LoweringUtils.h"

using namespace mlir;

namespace syna {

Value buildDomainMap(OpBuilder &builder, Location loc, Value theta,
                     Domain domain) {
  if (domain == Domain::Real)
    return theta;
  return lowering::elementwise(
      builder, loc, tensorType(theta), {theta},
      [&](const lowering::Scalar &s, ValueRange a) -> Value {
        switch (domain) {
        case Domain::Unit:
          return s.sigmoid(a[0]);
        case Domain::Positive:
          return s.softplus(a[0]);
        case Domain::AtLeastOne:
          return s.add(s.c(1.0), s.softplus(a[0]));
        case Domain::Real:
          break;
        }
        return a[0];
      });
}

} // namespace syna
