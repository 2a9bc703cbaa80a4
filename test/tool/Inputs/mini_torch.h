// A few declarations shaped like LibTorch's (same namespaces and names), so
// that the command-line tests run in a fraction of a second. The checks' own
// tests use the real LibTorch headers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace c10 {
enum class ScalarType : int8_t { Byte, Char, Short, Int, Long, Half, Float, Double };
constexpr ScalarType kLong = ScalarType::Long;
constexpr ScalarType kFloat = ScalarType::Float;
template <typename T> class ArrayRef {
public:
  ArrayRef(std::initializer_list<T> L) : Data(L.begin()), Size(L.size()) {}
private:
  const T *Data;
  std::size_t Size;
};
} // namespace c10

namespace at {
class Tensor {
public:
  Tensor softmax(int64_t Dim) const;
  Tensor unsqueeze(int64_t Dim) const;
  Tensor to(c10::ScalarType T) const;
};
Tensor softmax(const Tensor &T, int64_t Dim);
Tensor log_softmax(const Tensor &T, int64_t Dim);
} // namespace at

namespace torch {
using namespace at;
using c10::kFloat;
using c10::kLong;
Tensor randn(c10::ArrayRef<int64_t> Sizes);
Tensor randint(int64_t Low, int64_t High, c10::ArrayRef<int64_t> Sizes);
namespace nn {
namespace functional {
Tensor cross_entropy(const Tensor &Input, const Tensor &Target);
} // namespace functional
} // namespace nn
} // namespace torch
