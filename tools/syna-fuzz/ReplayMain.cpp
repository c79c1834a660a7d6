//===- ReplayMain.cpp - run a fuzz target over files ----------------------===//
//
// `syna-fuzz-replay FILE|DIR...` feeds every file (directories: every file
// in them, sorted) to LLVMFuzzerTestOneInput once. The lit suite uses it to
// keep the seed corpus and every crash the fuzzer found as regression tests
// in builds without libFuzzer.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    std::error_code error;
    std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> files;
      for (auto it = std::filesystem::directory_iterator(path, error);
           !error && it != std::filesystem::directory_iterator();
           it.increment(error))
        if (it->is_regular_file(error))
          files.push_back(it->path());
      std::sort(files.begin(), files.end());
      inputs.insert(inputs.end(), files.begin(), files.end());
    } else {
      inputs.push_back(path);
    }
    if (error) {
      std::fprintf(stderr, "%s: %s\n", argv[i], error.message().c_str());
      return 1;
    }
  }
  for (const std::filesystem::path &path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()),
                           bytes.size());
  }
  std::printf("replayed %zu inputs\n", inputs.size());
  return 0;
}
