//===- FuzzIdx.cpp - fuzz target: the IDX reader, plain and gzip'd --------===//
//
// Any byte string, read as an IDX image file and as a label file (gzip'd when
// it starts with gzip's magic), must be accepted or rejected with an error
// that names the file, without a crash, a hang, a sanitizer report or an
// allocation beyond the declared size and the 1 GiB bound (a gzip bomb stops
// there). An accepted file holds exactly the bytes its header declares; an
// accepted image file combines with labels of its count. Built with
// libFuzzer as `syna-fuzz-idx` and without it as `syna-fuzz-idx-replay`.
//
//===----------------------------------------------------------------------===//
#include "syna/Data/Idx.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace syna::data;

static bool namesFile(llvm::Error error) {
  std::string message = llvm::toString(std::move(error));
  return llvm::StringRef(message).find("fuzz-idx: ") == 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  for (unsigned rank : {1u, 3u}) {
    llvm::Expected<IdxArray> array = parseIdx(bytes, "fuzz-idx", rank);
    if (!array) {
      if (!namesFile(array.takeError()))
        std::abort();
      continue;
    }
    uint64_t payload = 1;
    for (uint32_t dim : array->dims)
      payload *= dim;
    if (array->dims.size() != rank || payload != array->payload.size())
      std::abort();
    if (rank != 3 || payload == 0)
      continue;
    // Labels 0, 1, 2, ... (mod 10) for every image.
    IdxArray labels;
    labels.dims = {array->dims[0]};
    for (uint32_t i = 0; i < array->dims[0]; ++i)
      labels.payload.push_back(uint8_t(i % 10));
    llvm::Expected<LabelledImages> set =
        combineIdx(*array, labels, "fuzz-idx", "fuzz-labels");
    if (!set) {
      llvm::consumeError(set.takeError());
      continue;
    }
    if (size_t(set->size()) * set->pixelsPerImage() != set->pixels.size())
      std::abort();
  }
  return 0;
}
