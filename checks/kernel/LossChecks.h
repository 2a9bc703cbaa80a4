//===--- LossChecks.h - LibTorch's argument checks, in ATen's order -------===//
//
// Replays what torch::nn::functional's cross_entropy, nll_loss and
// binary_cross_entropy_with_logits check before they compute, in the order
// ATen 1.13 checks it (LossNLL.cpp, LossNLL2d.cpp, Loss.cpp and the frontend's
// loss.h), and records how a call that passes is to be computed.
//
// This is written from ATen's sources and LibTorch's behaviour, independently
// of the static contract in checks/CrossEntropyContract.cpp, so that a finding
// confirmed here is not the contract agreeing with itself.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_KERNEL_LOSSCHECKS_H
#define TORCHLINT_KERNEL_LOSSCHECKS_H

#include "Support.h"

/// Variants for AVX-512 and AVX2 machines besides the SSE2 default, picked
/// when the library loads: -march would give up the machines without them.
/// flatten compiles the helpers into each variant. Clang cannot clone
/// templates; there the default is all there is, and the sanitized tests
/// define TORCHLINT_KERNEL_NO_CLONES to run it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&         \
    !defined(TORCHLINT_KERNEL_NO_CLONES)
#define TORCHLINT_VECTOR_CLONES                                                \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"), \
                 flatten))
#else
#define TORCHLINT_VECTOR_CLONES
#endif

namespace torchlint::kernel::detail {

/// Which of cross_entropy's computations runs.
enum class CeKind {
  ClassIndex,   // log_softmax, then nll_loss
  Smoothed,     // class indices with label_smoothing > 0
  Probabilities // the target has the input's shape
};

/// Each row's class, read as a vector: the int64 target itself when it holds
/// exactly these (no row dropped), which saves a copy the size of the target
/// and a pass over it, else Storage. Movable (Storage keeps its buffer), not
/// copyable: it may point into itself.
struct RowClasses {
  const int64_t *Values = nullptr;
  std::size_t Count = 0;
  std::vector<int64_t> Storage;

  RowClasses() = default;
  RowClasses(const RowClasses &) = delete;
  RowClasses &operator=(const RowClasses &) = delete;
  RowClasses(RowClasses &&) = default;
  RowClasses &operator=(RowClasses &&) = default;
  const int64_t *data() const { return Values; }
  std::size_t size() const { return Count; }
  bool empty() const { return Count == 0; }
  int64_t operator[](std::size_t R) const { return Values[R]; }
};

/// How a call that LibTorch accepts is computed.
struct Plan {
  LossFunction Function = LossFunction::CrossEntropy;
  CeKind Kind = CeKind::ClassIndex;
  Reduction Reduce = Reduction::Mean;
  /// The input seen as [Outer, Classes, Inner]; a row is one (outer, inner)
  /// pair, numbered outer * Inner + inner like the target's elements.
  int64_t Outer = 0, Classes = 0, Inner = 1;
  /// Class-index targets: each row's class, or -1 where ignore_index drops
  /// it from nll_loss.
  RowClasses RowClass;
  /// Smoothed: whether label smoothing's term keeps each row. It differs from
  /// RowClass for Byte targets, which `target == ignore_index` compares after
  /// casting ignore_index to uint8.
  std::vector<uint8_t> SmoothKeep;
  /// Per-class weights (empty: none).
  std::vector<double> ClassWeight;
  /// The mean reduction's denominators: nll_loss's total weight, and that of
  /// the smoothing term.
  double TotalWeight = 0, SmoothTotal = 0;
  double LabelSmoothing = 0;
  /// BCE: the shape of pos_weight broadcast against the target.
  Sizes LogWeightShape;
};

/// Checks the call the way LibTorch does. On success fills \p P and the
/// dtypes and loss shape of the returned info. Reads the target and weight
/// values when they have data, never the input's.
LossInfo planLoss(LossFunction F, const TensorView &Input,
                  const TensorView &Target, const LossOptions &Opts, Plan &P);

} // namespace torchlint::kernel::detail

#endif // TORCHLINT_KERNEL_LOSSCHECKS_H
