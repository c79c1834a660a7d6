//===- ScalarFunctions.h - scalar reference semantics of syna ops ------*- C++ -*-===//
//
// The scalar definitions of the syna functions in double precision, in their
// numerically stable forms. Folders use them; so can reference evaluators.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_SCALARFUNCTIONS_H
#define SYNA_DIALECT_SYNA_IR_SCALARFUNCTIONS_H

#include <cmath>

namespace syna::scalar {

/// 0 − log p rather than −log p, so that p = 1 gives +0, not −0.
inline double surprisal(double p) { return 0.0 - std::log(p); }
inline double prob(double s) { return std::exp(-s); }

/// G(u) = −log(1 − e^{−u}); the two branches keep full precision near 0 and
/// for large u (docs/math.md §9).
inline double conjugate(double u) {
  constexpr double ln2 = 0.69314718055994530942;
  return u <= ln2 ? -std::log(-std::expm1(-u)) : -std::log1p(-std::exp(-u));
}

inline double boseEinstein(double u) { return 1.0 / std::expm1(u); }
inline double odds(double p) { return p / (1.0 - p); }
inline double relu(double x) { return x > 0.0 ? x : 0.0; }

inline double sigmoid(double x) {
  if (x >= 0.0)
    return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);
  return e / (1.0 + e);
}

inline double synapse(double x, double y, double beta, double alpha) {
  return alpha * x * (1.0 - beta * y);
}

inline double swapRatio(double x, double y, double beta) {
  return x * (1.0 - beta * y) / (y * (1.0 - beta * x));
}

/// Operands are surprisals x̄, ȳ, β̄.
inline double logSwapRatio(double xs, double ys, double betas) {
  return (ys + conjugate(xs + betas)) - (xs + conjugate(ys + betas));
}

} // namespace syna::scalar

#endif // SYNA_DIALECT_SYNA_IR_SCALARFUNCTIONS_H
