//===- Idx.cpp - MNIST-style IDX data sets --------------------------------===//
#include "syna/Data/Idx.h"
#include "syna/Data/InputLimits.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
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

// The payload of one IDX file (images or labels) must fit in 1 GiB: MNIST's
// largest file holds 47 MB, EMNIST's 640 MB, and the reader keeps a float
// copy (4 bytes per pixel) beside it. Larger or overflowing headers are
// refused before anything is allocated or inflated.
static constexpr uint64_t kMaxPayloadBytes = uint64_t(1) << 30;

namespace {
/// A gzip member inflated on demand, so that the reader never inflates more
/// than the header declares (a gzip bomb stops at the declared size).
class GzipStream {
public:
  explicit GzipStream(StringRef input) : input(input) {}
  ~GzipStream() {
    if (initialized)
      inflateEnd(&stream);
  }
  GzipStream(const GzipStream &) = delete;
  GzipStream &operator=(const GzipStream &) = delete;

  /// Inflates up to `size` bytes into `out`; fewer only when the member
  /// ended. The member's CRC and length are checked at its end.
  Expected<size_t> read(StringRef path, uint8_t *out, size_t size);
  bool ended() const { return finished; }
  /// Compressed bytes after the end of the gzip member.
  size_t trailingBytes() const { return input.size() - consumed; }

private:
  StringRef input;
  size_t consumed = 0;
  z_stream stream{};
  bool initialized = false, finished = false;
};
} // namespace

Expected<size_t> GzipStream::read(StringRef path, uint8_t *out, size_t size) {
  if (!initialized) {
    // 16 + MAX_WBITS: a gzip wrapper only (not raw or zlib deflate).
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
      return fileError(path, "cannot start inflating (out of memory)");
    initialized = true;
  }
  size_t produced = 0;
  while (produced < size && !finished) {
    // zlib counts in 32-bit uInt: feed at most 1 GiB per call.
    size_t inChunk = std::min<size_t>(input.size() - consumed, 1u << 30);
    size_t outChunk = std::min<size_t>(size - produced, 1u << 30);
    stream.next_in =
        reinterpret_cast<Bytef *>(const_cast<char *>(input.data() + consumed));
    stream.avail_in = static_cast<uInt>(inChunk);
    stream.next_out = out + produced;
    stream.avail_out = static_cast<uInt>(outChunk);
    int status = inflate(&stream, Z_NO_FLUSH);
    size_t in = inChunk - stream.avail_in, outBytes = outChunk - stream.avail_out;
    consumed += in;
    produced += outBytes;
    if (status == Z_STREAM_END)
      finished = true;
    else if (status != Z_OK && status != Z_BUF_ERROR)
      return fileError(path, llvm::Twine("corrupt gzip data (") +
                                 (stream.msg ? stream.msg : "inflate failed") +
                                 ")");
    else if (in == 0 && outBytes == 0)
      return fileError(path, "corrupt gzip data (unexpected end of file)");
  }
  return produced;
}

static uint32_t bigEndian32(const uint8_t *p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 |
         uint32_t(p[3]);
}

static StringRef idxKind(unsigned rank) {
  return rank == 3 ? "an image file" : rank == 1 ? "a label file" : "an IDX file";
}

/// Checks the magic number and the dimensions of a complete header (or of
/// what there is of it) and returns the dimensions and the payload size.
static Error parseHeader(StringRef path, llvm::ArrayRef<uint8_t> header,
                         unsigned rank, IdxArray &array, uint64_t &payload) {
  uint32_t expected = 0x0800 | rank;
  if (header.size() >= 4 && bigEndian32(header.data()) != expected)
    return fileError(path,
                     llvm::formatv("magic number {0:x-8} is not that of {1} "
                                   "(expected {2:x-8}: unsigned bytes, {3} "
                                   "dimensions)",
                                   bigEndian32(header.data()), idxKind(rank),
                                   expected, rank));
  if (header.size() < 4 + 4 * rank)
    return fileError(path, llvm::formatv("too short for an IDX header "
                                         "({0} bytes)",
                                         header.size()));
  std::vector<int64_t> shape;
  for (unsigned i = 0; i < rank; ++i) {
    array.dims.push_back(bigEndian32(header.data() + 4 + 4 * i));
    shape.push_back(array.dims.back());
  }
  // Three 32-bit extents cannot overflow 64 bits, but the check costs
  // nothing and keeps the bound in one place.
  std::optional<uint64_t> bytes = checkedByteCount(shape, 1);
  if (!bytes || *bytes > kMaxPayloadBytes)
    return fileError(path, llvm::formatv("header declares {0} = {1} bytes of "
                                         "data; the limit is {2} bytes (1 GiB)",
                                         shapeText(shape),
                                         bytes ? std::to_string(*bytes)
                                               : std::string("over 2^64"),
                                         kMaxPayloadBytes));
  payload = *bytes;
  return Error::success();
}

/// A plain IDX file: the header's size is checked against the file's before
/// the payload is copied.
static Expected<IdxArray> parsePlain(StringRef bytes, StringRef path,
                                     unsigned rank) {
  IdxArray array;
  uint64_t payload = 0;
  size_t headerSize = 4 + 4 * rank;
  auto data = llvm::ArrayRef(reinterpret_cast<const uint8_t *>(bytes.data()),
                             bytes.size());
  if (Error e = parseHeader(path, data.take_front(headerSize), rank, array,
                            payload))
    return std::move(e);
  if (data.size() - headerSize != payload)
    return fileError(path,
                     llvm::formatv("header promises {0} bytes of data but the "
                                   "file holds {1}",
                                   payload, data.size() - headerSize));
  array.payload.assign(data.begin() + headerSize, data.end());
  return array;
}

/// A gzip'd IDX file: the header is inflated first, then exactly the payload
/// it declares (memory grows with what the stream really holds, up to that
/// size); more data, or bytes after the gzip member, are errors.
static Expected<IdxArray> parseGzip(StringRef bytes, StringRef path,
                                    unsigned rank) {
  GzipStream stream(bytes);
  uint8_t header[4 + 4 * 3];
  size_t headerSize = 4 + 4 * rank;
  Expected<size_t> got = stream.read(path, header, headerSize);
  if (!got)
    return got.takeError();
  IdxArray array;
  uint64_t payload = 0;
  if (Error e = parseHeader(path, llvm::ArrayRef(header, *got), rank, array,
                            payload))
    return std::move(e);
  constexpr uint64_t kChunk = uint64_t(16) << 20;
  while (array.payload.size() < payload && !stream.ended()) {
    size_t old = array.payload.size();
    size_t want = std::min<uint64_t>(kChunk, payload - old);
    array.payload.resize(old + want);
    got = stream.read(path, array.payload.data() + old, want);
    if (!got)
      return got.takeError();
    array.payload.resize(old + *got);
  }
  if (array.payload.size() != payload)
    return fileError(path,
                     llvm::formatv("header promises {0} bytes of data but the "
                                   "file holds {1}",
                                   payload, array.payload.size()));
  uint8_t extra;
  got = stream.read(path, &extra, 1);
  if (!got)
    return got.takeError();
  if (*got)
    return fileError(path, llvm::formatv("holds more than the {0} bytes of "
                                         "data its header declares",
                                         payload));
  if (stream.trailingBytes())
    return fileError(path, llvm::formatv("{0} bytes follow the gzip data "
                                         "(concatenated gzip members are not "
                                         "supported; recompress the file with "
                                         "`gunzip -c FILE | gzip`)",
                                         stream.trailingBytes()));
  return array;
}

Expected<IdxArray> syna::data::parseIdx(StringRef bytes, StringRef path,
                                        unsigned rank) {
  if (rank < 1 || rank > 3)
    return fileError(path, "IDX files of rank 1 to 3 only");
  if (bytes.size() >= 2 && uint8_t(bytes[0]) == 0x1f &&
      uint8_t(bytes[1]) == 0x8b)
    return parseGzip(bytes, path, rank);
  return parsePlain(bytes, path, rank);
}

static Expected<IdxArray> readIdxFile(StringRef path, unsigned rank) {
  if (!llvm::sys::fs::exists(path))
    return fileError(path, "no such file");
  if (llvm::sys::fs::is_directory(path))
    return fileError(path, "is a directory, not an IDX file");
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return fileError(path, "cannot read: " + buffer.getError().message());
  return parseIdx((*buffer)->getBuffer(), path, rank);
}

Expected<LabelledImages> syna::data::readIdx(StringRef imagesPath,
                                             StringRef labelsPath,
                                             int32_t classCount) {
  Expected<IdxArray> images = readIdxFile(imagesPath, 3);
  if (!images)
    return images.takeError();
  Expected<IdxArray> labelFile = readIdxFile(labelsPath, 1);
  if (!labelFile)
    return labelFile.takeError();
  return combineIdx(*images, *labelFile, imagesPath, labelsPath, classCount);
}

Expected<LabelledImages> syna::data::combineIdx(const IdxArray &images,
                                                const IdxArray &labelFile,
                                                StringRef imagesPath,
                                                StringRef labelsPath,
                                                int32_t classCount) {
  uint32_t count = images.dims[0];
  if (labelFile.dims[0] != count)
    return fileError(labelsPath,
                     llvm::formatv("has {0} labels but {1} has {2} images",
                                   labelFile.dims[0], imagesPath, count));
  if (count == 0)
    return fileError(imagesPath, "holds no images");
  if (images.dims[1] == 0 || images.dims[2] == 0)
    return fileError(imagesPath, llvm::formatv("images of {0}x{1} pixels hold "
                                               "nothing",
                                               images.dims[1], images.dims[2]));

  LabelledImages set;
  set.rows = images.dims[1];
  set.cols = images.dims[2];
  set.pixels.resize(images.payload.size());
  for (size_t i = 0; i < set.pixels.size(); ++i)
    set.pixels[i] = images.payload[i] / 255.0f;
  const uint8_t *labels = labelFile.payload.data();
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
