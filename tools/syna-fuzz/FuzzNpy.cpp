//===- FuzzNpy.cpp - fuzz target: the .npy reader -------------------------===//
//
// Any byte string, read as a .npy file, must be accepted or rejected with an
// error that names the file, without a crash, a hang or a sanitizer report.
// An accepted array holds exactly the bytes its shape and dtype need, has at
// most data::kMaxRank dimensions, prints, and converts (or is refused with
// a message) like syna-run's inputs. Built with libFuzzer as
// `syna-fuzz-npy` and without it as `syna-fuzz-npy-replay`.
//
//===----------------------------------------------------------------------===//
#include "syna/Data/InputLimits.h"
#include "syna/Execution/Npy.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace syna;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  llvm::Expected<HostArray> array = parseNpy(bytes, "fuzz.npy");
  if (!array) {
    std::string message = llvm::toString(array.takeError());
    if (llvm::StringRef(message).find("fuzz.npy: ") != 0)
      std::abort();
    return 0;
  }
  std::optional<uint64_t> need =
      data::checkedByteCount(array->shape, dtypeSize(array->dtype));
  if (!need || *need != array->data.size() ||
      array->shape.size() > data::kMaxRank)
    std::abort();
  std::string printed;
  llvm::raw_string_ostream os(printed);
  printArray(os, *array);
  for (DType to : {DType::F32, DType::F64, DType::I32, DType::I64}) {
    if (isFloat(to) != isFloat(array->dtype))
      continue;
    if (llvm::Error e = checkLosslessConversion(*array, to, "fuzz.npy")) {
      llvm::consumeError(std::move(e));
      continue;
    }
    if (array->convertedTo(to).data.size() !=
        size_t(array->numElements()) * dtypeSize(to))
      std::abort();
  }
  return 0;
}
