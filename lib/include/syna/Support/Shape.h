//===- Shape.h - element types, dimensions and tensor shapes ----*- C++ -*-===//
//
// The vocabulary that every layer shares to talk about tensors: the front
// end's semantic checks, the op rules of the dialect (TypeInference.h), the
// host arrays of syna-run. It uses the C++ standard library only, so that
// the front end's fuzz targets compile it with their own instrumentation.
//
// A dimension is a static size, a *named* dimension (the `B` of a .syna
// graph signature, which exists only in the front end) or unknown (MLIR's
// `?`). Named and unknown dimensions become `?` in MLIR; a name only lets
// the front end check that a graph uses one extent consistently.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_SUPPORT_SHAPE_H
#define SYNA_SUPPORT_SHAPE_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace syna {

/// Element types of syna tensors and of host arrays.
enum class DType : uint8_t { F32, F64, I32, I64 };

/// "f32", "f64", "i32", "i64": how .syna files and MLIR spell them.
const char *spell(DType type);
std::optional<DType> parseDType(std::string_view word);
inline bool isFloat(DType type) {
  return type == DType::F32 || type == DType::F64;
}
/// Bytes per element.
inline size_t dtypeSize(DType type) {
  return (type == DType::F32 || type == DType::I32) ? 4 : 8;
}

struct Dim {
  static constexpr int64_t kNotStatic = -1;
  int64_t size = kNotStatic;
  std::string name; // a named dimension when not static; empty: unknown

  static Dim fixed(int64_t size) { return {size, {}}; }
  static Dim named(std::string name) { return {kNotStatic, std::move(name)}; }
  static Dim unknown() { return {}; }
  bool isStatic() const { return size >= 0; }
  bool isNamed() const { return size < 0 && !name.empty(); }
  bool isUnknown() const { return size < 0 && name.empty(); }
  bool operator==(const Dim &other) const {
    return size == other.size && name == other.name;
  }
  bool operator!=(const Dim &other) const { return !(*this == other); }
};

/// Dimensions that may be equal at run time: equal static sizes, the same
/// name, or an unknown on either side. A static size never matches a name.
bool compatible(const Dim &a, const Dim &b);
/// Same rank, and each dimension compatible.
bool compatible(const std::vector<Dim> &a, const std::vector<Dim> &b);
/// The more precise of two compatible dimensions: a static size, else a
/// name, else unknown.
Dim refine(const Dim &a, const Dim &b);
/// "64", "B" or "?".
std::string toString(const Dim &dim);

/// A ranked tensor: element type and dimensions (rank 0: a scalar tensor).
struct TensorDesc {
  DType elem = DType::F32;
  std::vector<Dim> dims;

  size_t rank() const { return dims.size(); }
  bool hasStaticShape() const;
};

/// Same element type and rank, and compatible dimensions.
bool compatible(const TensorDesc &a, const TensorDesc &b);

/// The product of the static extents, or nullopt when it exceeds `limit`.
std::optional<int64_t> staticElementCount(const std::vector<Dim> &dims,
                                          int64_t limit = INT64_MAX);

} // namespace syna

#endif // SYNA_SUPPORT_SHAPE_H
