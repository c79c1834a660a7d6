//===- DataSets.h - where a model's data set lives ---------------*- C++ -*-===//
//
// The data sets a model names (`data = mnist`, `fashion_mnist`) and where
// syna-run finds them: the embedded MNIST digits that tools/setup.sh
// converts into the build tree (SYNA_DATA_DIR overrides), Debian's
// dataset-fashion-mnist (SYNA_FASHION_DIR overrides), a model's `path`, or
// a directory given on the command line (docs/training.md, "Data").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DATA_DATASETS_H
#define SYNA_DATA_DATASETS_H

#include "syna/Data/Idx.h"
#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "llvm/Support/Error.h"
#include <string>

namespace syna::data {

/// The directory of IDX files to use: `directory` when given; else the data
/// set `dataset` ("mnist" or "fashion"; "" for the model's own).
llvm::Expected<std::string> resolveDataDirectory(const DataSpec &model,
                                                 const std::string &directory,
                                                 const std::string &dataset);

/// The split `split` ("train" or "t10k") of `directory`, limited to its
/// first `limit` images (0: all).
llvm::Expected<LabelledImages> loadSplit(llvm::StringRef directory,
                                         llvm::StringRef split, int64_t limit);

} // namespace syna::data

#endif // SYNA_DATA_DATASETS_H
