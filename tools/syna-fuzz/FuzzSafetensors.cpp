//===- FuzzSafetensors.cpp - fuzz target: the safetensors reader ----------===//
//
// Any byte string, read as a checkpoint, must be accepted or rejected with
// an error that names the file, without a crash, a hang, a sanitizer report
// or an allocation beyond the bounds of syna/Data/InputLimits.h; what is
// accepted must be consistent (every tensor holds as many values as its
// shape says). Built with libFuzzer as `syna-fuzz-safetensors` and without
// it as `syna-fuzz-safetensors-replay`, which runs the corpus in every test
// run.
//
//===----------------------------------------------------------------------===//
#include "syna/Data/Safetensors.h"
#include "syna/Data/InputLimits.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace syna::data;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  llvm::Expected<Checkpoint> checkpoint =
      parseSafetensors(bytes, "fuzz.safetensors");
  if (!checkpoint) {
    std::string message = llvm::toString(checkpoint.takeError());
    if (llvm::StringRef(message).find("fuzz.safetensors: ") != 0)
      std::abort();
    return 0;
  }
  for (const auto &[name, tensor] : checkpoint->tensors) {
    std::optional<uint64_t> count = checkedByteCount(tensor.shape, 1);
    if (!count || *count != tensor.values.size() ||
        tensor.shape.size() > kMaxRank)
      std::abort();
  }
  return 0;
}
