//===- FuzzLiteral.cpp - fuzz target: array literals of syna-run ----------===//
//
// Any text given as `syna-run run -i TEXT` must parse into a rectangular
// array or be rejected with a "bad array literal" message, without a crash,
// a hang or a sanitizer report; nesting is bounded (data::kMaxRank), so
// "[[[[..." cannot exhaust the stack. Built with libFuzzer as
// `syna-fuzz-literal` and without it as `syna-fuzz-literal-replay`.
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
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  for (bool preferInt : {false, true}) {
    llvm::Expected<HostArray> array = parseLiteral(text, preferInt);
    if (!array) {
      std::string message = llvm::toString(array.takeError());
      if (llvm::StringRef(message).find("bad array literal at column ") != 0)
        std::abort();
      continue;
    }
    std::optional<uint64_t> need =
        data::checkedByteCount(array->shape, dtypeSize(array->dtype));
    if (!need || *need != array->data.size() ||
        array->shape.size() > data::kMaxRank ||
        (array->dtype == DType::I64 && !preferInt))
      std::abort();
    std::string printed;
    llvm::raw_string_ostream os(printed);
    printArray(os, *array);
  }
  return 0;
}
