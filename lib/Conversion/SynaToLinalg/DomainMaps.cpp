//===- DomainMaps.cpp - a parameter's θ mapped onto its domain ------------===//
#include "syna/Conversion/DomainMaps.h"

#include "LoweringUtils.h"

#include <algorithm>
#include <cmath>

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

double mapOntoDomain(double theta, Domain domain) {
  // softplus(θ) = log(1 + e^θ) without overflow for large θ.
  auto softplus = [](double t) {
    return std::max(t, 0.0) + std::log1p(std::exp(-std::abs(t)));
  };
  switch (domain) {
  case Domain::Unit:
    return 1.0 / (1.0 + std::exp(-theta));
  case Domain::Positive:
    return softplus(theta);
  case Domain::AtLeastOne:
    return 1.0 + softplus(theta);
  case Domain::Real:
    break;
  }
  return theta;
}

} // namespace syna
