//===- Idx.cpp - MNIST-style IDX data sets --------------------------------===//
#include "syna/Data/Idx.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <zlib.h>

using namespace syna::data;
using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

static Error fileError(StringRef path, const llvm::Twine &problem) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 path + ": " + problem);
}

// Images and labels are at most a few hundred MB; refuse headers that claim
// more rather than allocating what a corrupt file asks for.
static constexpr uint64_t kMaxBytes = uint64_t(1) << 32;

/// The whole file, decompressed when it is gzip'd (zlib reads plain files
/// through the same calls).
static Expected<std::vector<uint8_t>> readDecompressed(StringRef path) {
  if (!llvm::sys::fs::exists(path))
    return fileError(path, "no such file");
  gzFile file = gzopen(path.str().c_str(), "rb");
  if (!file)
    return fileError(path, "cannot open");
  std::vector<uint8_t> bytes;
  uint8_t chunk[1 << 16];
  int read;
  while ((read = gzread(file, chunk, sizeof(chunk))) > 0) {
    bytes.insert(bytes.end(), chunk, chunk + read);
    if (bytes.size() > kMaxBytes) {
      gzclose(file);
      return fileError(path, "larger than 4 GiB; not an IDX data set");
    }
  }
  int status;
  const char *message = gzerror(file, &status);
  bool failed = read < 0 || (status != Z_OK && status != Z_STREAM_END);
  std::string reason = failed ? message : "";
  gzclose(file);
  if (failed)
    return fileError(path, "corrupt gzip data (" + reason + ")");
  return bytes;
}

static uint32_t bigEndian32(const uint8_t *p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 |
         uint32_t(p[3]);
}

/// Checks the IDX header (unsigned bytes, `rank` dimensions) and the payload
/// size, and returns the dimensions.
static Expected<std::vector<uint32_t>>
parseHeader(StringRef path, const std::vector<uint8_t> &bytes, unsigned rank,
            StringRef what) {
  size_t headerSize = 4 + 4 * rank;
  uint32_t expected = 0x0800 | rank;
  if (bytes.size() >= 4 && bigEndian32(bytes.data()) != expected)
    return fileError(path,
                     llvm::formatv("magic number {0:x-8} is not that of {1} "
                                   "(expected {2:x-8}: unsigned bytes, {3} "
                                   "dimensions)",
                                   bigEndian32(bytes.data()), what, expected,
                                   rank));
  if (bytes.size() < headerSize)
    return fileError(path, llvm::formatv("too short for an IDX header "
                                         "({0} bytes)",
                                         bytes.size()));
  std::vector<uint32_t> dims;
  uint64_t payload = 1;
  for (unsigned i = 0; i < rank; ++i) {
    dims.push_back(bigEndian32(bytes.data() + 4 + 4 * i));
    payload *= dims.back();
    if (payload > kMaxBytes)
      return fileError(path, "header claims more than 4 GiB of data");
  }
  if (bytes.size() - headerSize != payload)
    return fileError(path,
                     llvm::formatv("header promises {0} bytes of data but the "
                                   "file holds {1}",
                                   payload, bytes.size() - headerSize));
  return dims;
}

Expected<LabelledImages> syna::data::readIdx(StringRef imagesPath,
                                             StringRef labelsPath,
                                             int32_t classCount) {
  Expected<std::vector<uint8_t>> imageBytes = readDecompressed(imagesPath);
  if (!imageBytes)
    return imageBytes.takeError();
  Expected<std::vector<uint32_t>> imageDims =
      parseHeader(imagesPath, *imageBytes, 3, "an image file");
  if (!imageDims)
    return imageDims.takeError();
  Expected<std::vector<uint8_t>> labelBytes = readDecompressed(labelsPath);
  if (!labelBytes)
    return labelBytes.takeError();
  Expected<std::vector<uint32_t>> labelDims =
      parseHeader(labelsPath, *labelBytes, 1, "a label file");
  if (!labelDims)
    return labelDims.takeError();

  uint32_t count = (*imageDims)[0];
  if ((*labelDims)[0] != count)
    return fileError(labelsPath,
                     llvm::formatv("has {0} labels but {1} has {2} images",
                                   (*labelDims)[0], imagesPath, count));
  if (count == 0)
    return fileError(imagesPath, "holds no images");

  LabelledImages set;
  set.rows = (*imageDims)[1];
  set.cols = (*imageDims)[2];
  const uint8_t *pixels = imageBytes->data() + 16;
  set.pixels.resize(imageBytes->size() - 16);
  for (size_t i = 0; i < set.pixels.size(); ++i)
    set.pixels[i] = pixels[i] / 255.0f;
  const uint8_t *labels = labelBytes->data() + 8;
  set.labels.resize(count);
  for (uint32_t i = 0; i < count; ++i) {
    if (labels[i] >= classCount)
      return fileError(labelsPath,
                       llvm::formatv("label {0} of sample {1} is outside "
                                     "[0, {2})",
                                     labels[i], i, classCount));
    set.labels[i] = labels[i];
  }
  return set;
}

/// `<directory>/<name>` or `<directory>/<name>.gz`, whichever exists.
static std::string findFile(StringRef directory, StringRef name) {
  llvm::SmallString<256> path(directory);
  llvm::sys::path::append(path, name);
  if (llvm::sys::fs::exists(path))
    return std::string(path);
  return (path + ".gz").str();
}

Expected<LabelledImages> syna::data::readIdxDirectory(StringRef directory,
                                                      StringRef split) {
  if (!llvm::sys::fs::is_directory(directory))
    return fileError(directory, "not a directory");
  return readIdx(findFile(directory, (split + "-images-idx3-ubyte").str()),
                 findFile(directory, (split + "-labels-idx1-ubyte").str()));
}
