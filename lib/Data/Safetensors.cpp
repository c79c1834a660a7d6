//===- Safetensors.cpp - checkpoints in the safetensors format ------------===//
#include "syna/Data/Safetensors.h"
#include "syna/Data/InputLimits.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace syna::data;
using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

static Error fileError(StringRef path, const llvm::Twine &problem) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 path + ": " + problem);
}

Error syna::data::writeSafetensors(StringRef path,
                                   const Checkpoint &checkpoint) {
  llvm::json::Object header;
  uint64_t offset = 0;
  for (const auto &[name, tensor] : checkpoint.tensors) {
    std::optional<uint64_t> count = checkedByteCount(tensor.shape, 1);
    if (!count || *count != tensor.values.size())
      return fileError(path, "tensor '" + name +
                                 "' has a shape that does not match its data");
    uint64_t bytes = tensor.values.size() * sizeof(float);
    llvm::json::Array shape;
    for (int64_t dim : tensor.shape)
      shape.push_back(dim);
    header[name] = llvm::json::Object{
        {"dtype", "F32"},
        {"shape", std::move(shape)},
        {"data_offsets", llvm::json::Array{offset, offset + bytes}}};
    offset += bytes;
  }
  if (!checkpoint.metadata.empty()) {
    llvm::json::Object metadata;
    for (const auto &[key, value] : checkpoint.metadata)
      metadata[key] = value;
    header["__metadata__"] = std::move(metadata);
  }
  std::string json;
  llvm::raw_string_ostream(json) << llvm::json::Value(std::move(header));
  // The format pads the header with spaces to a multiple of 8 bytes so the
  // data that follows is aligned.
  json.append((8 - json.size() % 8) % 8, ' ');

  return writeFileAtomically(path, [&](llvm::raw_ostream &os) -> Error {
    char length[8];
    llvm::support::endian::write64le(length, json.size());
    os.write(length, 8);
    os << json;
    for (const auto &entry : checkpoint.tensors) {
      for (float value : entry.second.values) {
        char bytes[4];
        llvm::support::endian::write32le(bytes, llvm::bit_cast<uint32_t>(value));
        os.write(bytes, 4);
      }
    }
    return Error::success();
  });
}

/// Parses one tensor's header entry and copies its data out of `data`.
static Expected<Tensor> readTensor(StringRef path, StringRef name,
                                   const llvm::json::Value &entry,
                                   StringRef data, int64_t &dataBegin) {
  auto problem = [&](const llvm::Twine &what) {
    return fileError(path, "tensor '" + name + "': " + what);
  };
  const llvm::json::Object *object = entry.getAsObject();
  if (!object)
    return problem("header entry is not an object");
  std::optional<StringRef> dtype = object->getString("dtype");
  if (!dtype)
    return problem("no dtype");
  if (*dtype != "F32")
    return problem("dtype " + *dtype + " is not supported (expected F32)");
  const llvm::json::Array *shapeArray = object->getArray("shape");
  const llvm::json::Array *offsets = object->getArray("data_offsets");
  if (!shapeArray || !offsets || offsets->size() != 2)
    return problem("needs a shape and two data_offsets");
  Tensor tensor;
  if (shapeArray->size() > kMaxRank)
    return problem(llvm::formatv("shape has {0} dimensions (the limit is {1})",
                                 shapeArray->size(), kMaxRank));
  for (const llvm::json::Value &dim : *shapeArray) {
    std::optional<int64_t> extent = dim.getAsInteger();
    if (!extent || *extent < 0)
      return problem("shape holds an invalid extent");
    tensor.shape.push_back(*extent);
  }
  std::optional<int64_t> begin = (*offsets)[0].getAsInteger();
  std::optional<int64_t> end = (*offsets)[1].getAsInteger();
  if (!begin || !end || *begin < 0 || *end < *begin ||
      static_cast<uint64_t>(*end) > data.size())
    return problem(llvm::formatv("data_offsets lie outside the {0} data bytes",
                                 data.size()));
  // Checked before anything is allocated: the shape alone may claim more
  // than 64 bits can count.
  std::optional<uint64_t> bytes = checkedByteCount(tensor.shape, sizeof(float));
  if (!bytes || *bytes > kMaxArrayBytes)
    return problem(llvm::formatv(
        "shape {0} holds {1} bytes of float32 data; the limit is {2} bytes",
        shapeText(tensor.shape),
        bytes ? std::to_string(*bytes) : std::string("more than 2^64"),
        kMaxArrayBytes));
  uint64_t count = *bytes / sizeof(float);
  if (static_cast<uint64_t>(*end - *begin) != *bytes)
    return problem(llvm::formatv("{0} bytes of data for {1} elements",
                                 *end - *begin, count));
  dataBegin = *begin;
  tensor.values.resize(count);
  const char *raw = data.data() + *begin;
  for (uint64_t i = 0; i < count; ++i)
    tensor.values[i] = llvm::bit_cast<float>(
        llvm::support::endian::read32le(raw + 4 * i));
  return tensor;
}

Expected<Checkpoint> syna::data::readSafetensors(StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return fileError(path, "cannot read: " + buffer.getError().message());
  return parseSafetensors((*buffer)->getBuffer(), path);
}

/// The JSON header, parsed once its nesting is known to be bounded
/// (llvm::json::parse recurses once per level and has no bound of its own).
static Expected<llvm::json::Value> parseHeader(StringRef path,
                                               StringRef header) {
  if (jsonNestingDepth(header, kMaxJsonNesting) > kMaxJsonNesting)
    return fileError(path, llvm::formatv("header nests JSON deeper than {0} "
                                         "levels; not a safetensors header",
                                         kMaxJsonNesting));
  Expected<llvm::json::Value> value = llvm::json::parse(header);
  if (!value)
    return fileError(path, "header is not valid JSON: " +
                               llvm::toString(value.takeError()));
  return value;
}

Expected<Checkpoint> syna::data::parseSafetensors(StringRef file,
                                                  StringRef path) {
  if (file.size() < 8)
    return fileError(path, "too short for a safetensors header");
  uint64_t headerSize = llvm::support::endian::read64le(file.data());
  if (headerSize > file.size() - 8)
    return fileError(path, llvm::formatv("header length {0} exceeds the file "
                                         "({1} bytes)",
                                         headerSize, file.size()));
  StringRef data = file.drop_front(8 + headerSize);
  Expected<llvm::json::Value> header =
      parseHeader(path, file.substr(8, headerSize));
  if (!header)
    return header.takeError();
  const llvm::json::Object *entries = header->getAsObject();
  if (!entries)
    return fileError(path, "header is not a JSON object");

  Checkpoint checkpoint;
  std::vector<std::pair<int64_t, int64_t>> ranges;
  for (const auto &[key, value] : *entries) {
    StringRef name = key;
    if (name == "__metadata__") {
      const llvm::json::Object *metadata = value.getAsObject();
      if (!metadata)
        return fileError(path, "__metadata__ is not an object");
      for (const auto &[metaKey, metaValue] : *metadata) {
        std::optional<StringRef> text = metaValue.getAsString();
        if (!text)
          return fileError(path, "__metadata__ values must be strings");
        checkpoint.metadata[metaKey.str()] = text->str();
      }
      continue;
    }
    int64_t begin = 0;
    Expected<Tensor> tensor = readTensor(path, name, value, data, begin);
    if (!tensor)
      return tensor.takeError();
    ranges.emplace_back(begin, begin + tensor->values.size() * sizeof(float));
    checkpoint.tensors[name.str()] = std::move(*tensor);
  }
  // The format forbids holes and overlaps: the ranges tile the data exactly.
  llvm::sort(ranges);
  int64_t next = 0;
  for (auto [begin, end] : ranges) {
    if (begin != next)
      return fileError(path, llvm::formatv("tensor data ranges overlap or "
                                           "leave a hole at byte {0}",
                                           std::min(begin, next)));
    next = end;
  }
  if (next != static_cast<int64_t>(data.size()))
    return fileError(path, llvm::formatv("tensors cover {0} of the {1} data "
                                         "bytes; the file is corrupt",
                                         next, data.size()));
  return checkpoint;
}
