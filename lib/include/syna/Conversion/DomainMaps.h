//===- DomainMaps.h - a parameter's θ mapped onto its domain ----*- C++ -*-===//
//
// A parameter stores an unconstrained θ; its value is θ mapped onto its
// #syna.domain (docs/math.md §9): real θ, unit σ(θ), positive softplus(θ),
// at_least_one 1 + softplus(θ). The lowering of syna.param_ref and
// gradcheck's finite-difference clone both build the map here; frozen
// parameters (syna-freeze-params) are mapped on the host, here too.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_CONVERSION_DOMAINMAPS_H
#define SYNA_CONVERSION_DOMAINMAPS_H

#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/SynaAttrs.h"

namespace syna {

/// `theta` (a float tensor) mapped elementwise onto `domain`, as one
/// linalg.generic; `theta` itself for Domain::Real.
mlir::Value buildDomainMap(mlir::OpBuilder &builder, mlir::Location loc,
                           mlir::Value theta, Domain domain);

/// `theta` mapped onto `domain` on the host, in double precision: the same
/// maps as buildDomainMap, for values known at compile time
/// (syna-freeze-params).
double mapOntoDomain(double theta, Domain domain);

} // namespace syna

#endif // SYNA_CONVERSION_DOMAINMAPS_H
