//===--- LossKernel.h - Cross entropy, NLL and BCE without LibTorch -------===//
//
// A small CPU implementation of three LibTorch 1.13 losses, forward and
// backward, used to confirm torchlint's findings on sample data: what a call
// returns, or the exact error LibTorch raises for it.
//
// The semantics are those of the C++ frontend, torch::nn::functional's
// cross_entropy, nll_loss and binary_cross_entropy_with_logits (and the
// CrossEntropyLoss, NLLLoss and BCEWithLogitsLoss modules, which call them):
// the arguments are checked in ATen's order with ATen's messages, and the
// numbers agree with LibTorch's to rounding (see docs/kernel.md).
//
// No LLVM, no exceptions, no RTTI: every outcome is a return value.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_KERNEL_LOSSKERNEL_H
#define TORCHLINT_KERNEL_LOSSKERNEL_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace torchlint::kernel {

/// Element types, named and numbered as c10::ScalarType names them.
enum class ScalarType : int8_t {
  Byte = 0,
  Char = 1,
  Short = 2,
  Int = 3,
  Long = 4,
  Half = 5,
  Float = 6,
  Double = 7,
  Bool = 11,
  BFloat16 = 15,
};

/// The name LibTorch prints for \p T ("Float", "Long", ...).
const char *scalarTypeName(ScalarType T);
/// Bytes per element; 0 for a value outside the enumeration.
std::size_t elementSize(ScalarType T);

/// A read-only, contiguous (row-major) tensor owned by the caller.
///
/// Data holds NumElements elements of Dtype; Half and BFloat16 elements are
/// their 16-bit patterns, Bool elements one byte each. A view whose Data is
/// null describes a shape only: the check functions accept it for the input
/// (they never read the logits) and skip the value checks of a null target.
struct TensorView {
  ScalarType Dtype = ScalarType::Float;
  std::vector<int64_t> Sizes;
  const void *Data = nullptr;
  int64_t NumElements = 0;
};

namespace detail {
template <typename T> struct DtypeOf;
template <> struct DtypeOf<uint8_t> {
  static constexpr ScalarType Value = ScalarType::Byte;
};
template <> struct DtypeOf<int8_t> {
  static constexpr ScalarType Value = ScalarType::Char;
};
template <> struct DtypeOf<int16_t> {
  static constexpr ScalarType Value = ScalarType::Short;
};
template <> struct DtypeOf<int32_t> {
  static constexpr ScalarType Value = ScalarType::Int;
};
template <> struct DtypeOf<int64_t> {
  static constexpr ScalarType Value = ScalarType::Long;
};
template <> struct DtypeOf<float> {
  static constexpr ScalarType Value = ScalarType::Float;
};
template <> struct DtypeOf<double> {
  static constexpr ScalarType Value = ScalarType::Double;
};
} // namespace detail

/// A view of \p Values with the dtype of T (uint8_t, int8_t, int16_t,
/// int32_t, int64_t, float or double); set Dtype to Bool for 0/1 bytes.
template <typename T>
TensorView makeView(const std::vector<T> &Values, std::vector<int64_t> Sizes) {
  return {detail::DtypeOf<T>::Value, std::move(Sizes), Values.data(),
          static_cast<int64_t>(Values.size())};
}

enum class Reduction { None = 0, Mean = 1, Sum = 2 };

enum class LossFunction { CrossEntropy, NllLoss, BceWithLogits };

/// The options of the three losses. An option a loss does not have must keep
/// its default (LabelSmoothing for NllLoss, IgnoreIndex for BceWithLogits,
/// PosWeight for the other two).
struct LossOptions {
  Reduction Reduce = Reduction::Mean;
  int64_t IgnoreIndex = -100;
  double LabelSmoothing = 0.0;
  std::optional<TensorView> Weight;
  std::optional<TensorView> PosWeight;
  /// The upstream gradient, shaped like the loss; ones when absent.
  std::optional<TensorView> GradOutput;
  /// Worker threads over rows, at most 64, started on first use and kept;
  /// small problems run on the calling thread. Only cross_entropy's
  /// arithmetic is parallel.
  int Threads = 1;
};

enum class Status {
  Ok,
  /// LibTorch raises Message for this call.
  TorchError,
  /// The call itself is malformed (null data, sizes that do not match the
  /// data, an option the loss lacks, ...); LibTorch is not consulted.
  InvalidArgument,
  /// LibTorch accepts the call but the kernel does not compute it (Half or
  /// BFloat16 arithmetic).
  Unsupported,
};

/// What a loss call does, without its numbers.
struct LossInfo {
  Status Code = Status::Ok;
  /// For TorchError, LibTorch's message as c10::Error's
  /// what_without_backtrace() gives it; a description otherwise.
  std::string Message;
  /// For TorchError: the forward pass succeeds and backward() raises.
  bool InBackward = false;
  /// The dtypes of the loss and of the gradient of the input; the shape of
  /// the loss ([] when reduced). Meaningful when Code is Ok or InBackward.
  ScalarType LossDtype = ScalarType::Float;
  ScalarType GradDtype = ScalarType::Float;
  std::vector<int64_t> LossSizes;

  bool ok() const { return Code == Status::Ok; }
};

/// The loss and its gradient, widened to double.
struct LossResult : LossInfo {
  std::vector<double> Loss;
  /// d(sum(Loss * GradOutput)) / d(Input), shaped like the input. Empty when
  /// backward raises.
  std::vector<double> Grad;
};

/// Caller-owned outputs of LossInfo's dtypes: Loss holds LossCapacity
/// elements of LossDtype, Grad GradCapacity elements of GradDtype (Float or
/// Double). A null Grad computes the forward pass only.
struct LossOutputs {
  void *Loss = nullptr;
  int64_t LossCapacity = 0;
  void *Grad = nullptr;
  int64_t GradCapacity = 0;
};

/// What LibTorch does with the call, without computing the loss: the error
/// it raises, or the dtypes and shape of the loss it returns. Reads the
/// target's values (class indices) but never the input's.
LossInfo checkLoss(LossFunction F, const TensorView &Input,
                   const TensorView &Target, const LossOptions &Opts = {});

/// Checks and computes into \p Out, which must be large enough for the
/// dtypes and shapes checkLoss reports.
LossInfo computeLossInto(LossFunction F, const TensorView &Input,
                         const TensorView &Target, const LossOptions &Opts,
                         const LossOutputs &Out);

/// Checks and computes the loss and the gradient of its input.
LossResult computeLoss(LossFunction F, const TensorView &Input,
                       const TensorView &Target, const LossOptions &Opts = {});

inline LossResult crossEntropy(const TensorView &Input,
                               const TensorView &Target,
                               const LossOptions &Opts = {}) {
  return computeLoss(LossFunction::CrossEntropy, Input, Target, Opts);
}
inline LossResult nllLoss(const TensorView &Input, const TensorView &Target,
                          const LossOptions &Opts = {}) {
  return computeLoss(LossFunction::NllLoss, Input, Target, Opts);
}
inline LossResult bceWithLogits(const TensorView &Input,
                                const TensorView &Target,
                                const LossOptions &Opts = {}) {
  return computeLoss(LossFunction::BceWithLogits, Input, Target, Opts);
}

} // namespace torchlint::kernel

#endif // TORCHLINT_KERNEL_LOSSKERNEL_H
