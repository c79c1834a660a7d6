//===- DataSets.cpp - where a model's data set lives ----------------------===//
#include "syna/Data/DataSets.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace syna::data {

static llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// build/data/mnist beside build/bin, where tools/setup.sh converts the
/// embedded digits.
static std::string embeddedMnistDirectory() {
  if (const char *env = std::getenv("SYNA_DATA_DIR"))
    return env;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(dir, "data", "mnist");
  return std::string(dir);
}

/// Debian's dataset-fashion-mnist (60,000 / 10,000 images).
static std::string fashionDirectory() {
  if (const char *env = std::getenv("SYNA_FASHION_DIR"))
    return env;
  return "/usr/share/datasets/fashion-mnist";
}

llvm::Expected<std::string> resolveDataDirectory(const DataSpec &model,
                                                 const std::string &directory,
                                                 const std::string &dataset) {
  if (!directory.empty())
    return directory;
  std::string name = dataset;
  if (name.empty())
    name = model.kind == DataKind::FashionMnist ? "fashion" : "mnist";
  if (name == "fashion" || name == "fashion_mnist") {
    std::string dir = fashionDirectory();
    if (!llvm::sys::fs::is_directory(dir))
      return err("Fashion-MNIST is not installed: " + dir +
                 " does not exist. Install it with `sudo apt-get install "
                 "dataset-fashion-mnist` (Debian, 30 MB; tools/setup.sh does "
                 "not install it), or pass a directory of its IDX files with "
                 "--data DIR");
    return dir;
  }
  if (name != "mnist")
    return err("--dataset must be mnist or fashion, not '" + name + "'");
  if (!model.path.empty())
    return model.path;
  std::string dir = embeddedMnistDirectory();
  if (!llvm::sys::fs::is_directory(dir))
    return err("the embedded MNIST data is not at " + dir +
               " (run tools/setup.sh, which converts it, or pass --data DIR "
               "with train-/t10k-{images-idx3,labels-idx1}-ubyte[.gz])");
  return dir;
}

llvm::Expected<LabelledImages> loadSplit(llvm::StringRef directory,
                                         llvm::StringRef split, int64_t limit) {
  llvm::Expected<LabelledImages> images = readIdxDirectory(directory, split);
  if (!images || limit <= 0 || limit >= images->size())
    return images;
  images->labels.resize(limit);
  images->pixels.resize(limit * images->pixelsPerImage());
  return images;
}

} // namespace syna::data
