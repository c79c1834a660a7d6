//===- Ops.h - the built-in functions of the .syna language -----*- C++ -*-===//
//
// Every syna-dialect op is callable from .syna under its mnemonic, with its
// operands and attributes as arguments, positionally or by keyword:
//
//   conv2d(x, w, bias = b, strides = [1, 1], padding = [0, 0])
//
// This table is the single description of those signatures; the semantic
// checks bind call arguments with it and the importer reads the result.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_OPS_H
#define SYNA_FRONTEND_OPS_H

#include <cstdint>
#include <string_view>
#include <vector>

namespace syna::frontend {

enum class OpKind {
  // Elementwise functions of one tensor.
  Surprisal,
  Prob,
  Conjugate,
  BoseEinstein,
  Odds,
  Relu,
  Sigmoid,
  // Synapses.
  Synapse,
  SynapseDense,
  FlipCircuit,
  SwapRatio,
  LogSwapRatio,
  // Layers.
  Dense,
  Conv2D,
  MaxPool2D,
  Softmax,
  LogSoftmax,
  BatchNorm,
  Dropout,
  Reshape,
  Flatten,
  NllLoss,
  CrossEntropy,
};

/// What an argument of a built-in must be.
enum class ArgKind {
  Tensor,    // a float tensor operand (a number becomes a scalar tensor)
  Labels,    // an i32/i64 tensor of class indices
  Key,       // an i64 value or an integer constant
  Int,       // an integer constant
  Float,     // a numeric constant
  Bool,      // true or false
  IntPair,   // [a, b] of integer constants
  Shape,     // [d0, d1, ...] of sizes and dimension names
  Reduction, // mean or sum
};

struct OpArg {
  std::string_view name;
  ArgKind kind;
  bool required;
};

struct OpSignature {
  OpKind kind;
  std::string_view name;
  std::vector<OpArg> args;
  unsigned numResults;
};

/// The built-in called `name`, or null.
const OpSignature *lookupOp(std::string_view name);
const std::vector<OpSignature> &allOps();

/// The attribute values of one call, decoded and checked by Sema, defaults
/// filled in. Only the fields of the called op are meaningful.
struct OpAttrs {
  std::vector<int64_t> strides = {1, 1}; // conv2d, max_pool2d
  bool hasStrides = false;               // max_pool2d: else the kernel
  std::vector<int64_t> padding = {0, 0}; // conv2d
  std::vector<int64_t> kernel;           // max_pool2d
  int64_t axis = -1;                     // softmax, log_softmax
  int64_t steps = 0;                     // flip_circuit
  double epsilon = 1e-5;                 // batch_norm
  double momentum = 0.1;                 // batch_norm
  double rate = 0;                       // dropout
  bool training = false;                 // batch_norm, dropout
  bool sumReduction = false;             // nll_loss, cross_entropy
};

} // namespace syna::frontend

#endif // SYNA_FRONTEND_OPS_H
