//===- TypeInference.cpp - shape, type and domain rules of the ops --------===//
#include "syna/Dialect/Syna/IR/TypeInference.h"
