//===- ParamInit.h - initial values of syna parameters ---------*- C++ -*-===//
//
// A parameter stores an unconstrained θ. Its initial value is the dense
// `syna.theta` attribute on the syna.param when present (syna-run sets it
// from --param files), otherwise drawn from the param's #syna.init with a
// seeded generator: the stream of each parameter depends only on the seed and
// the parameter's name, so adding a parameter does not change the others.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_CONVERSION_PARAMINIT_H
#define SYNA_CONVERSION_PARAMINIT_H

#include "mlir/IR/BuiltinAttributes.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {

// The attribute's name, kThetaAttrName, is the dialect's (SynaDialect.h),
// whose verifier checks its type.

/// θ drawn from the initializer (seeded), in double precision, row-major.
std::vector<double> drawTheta(syna::ParamOp param, uint64_t seed);

/// θ of `param` as a dense attribute of its type: `syna.theta` when present
/// (null when it has the wrong type), else drawTheta.
mlir::DenseElementsAttr parameterTheta(syna::ParamOp param,
                                       uint64_t seed);

} // namespace syna

#endif // SYNA_CONVERSION_PARAMINIT_H
