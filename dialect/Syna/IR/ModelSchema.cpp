//===- ModelSchema.cpp - the schema of a model's training setup ---------===//
#include "syna/Dialect/Syna/IR/ModelSchema.h"
