//===--- CrossEntropyContract.h - What cross_entropy accepts --------------===//
//
// LibTorch 1.13's argument checks of cross_entropy and nll_loss
// (aten/src/ATen/native/LossNLL.cpp and Loss.cpp), replayed on tensor facts:
// which check fails first, and with which message. A verdict is only given
// when the facts prove it.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_CROSSENTROPYCONTRACT_H
#define TORCHLINT_CROSSENTROPYCONTRACT_H

#include "TensorFacts.h"

namespace torchlint {

struct ContractVerdict {
  enum OutcomeTy { Unknown, Valid, Raises } Outcome = Unknown;
  /// The check that fails, when Outcome is Raises.
  enum StageTy {
    None,
    BatchSize,      ///< "Expected input batch_size (32) to match ..."
    TargetRank,     ///< "0D or 1D target tensor expected, ..." and friends
    TargetSize,     ///< "Expected target size [32, 3], got [32]"
    ProbabilityType, ///< "Expected floating point type for target with ..."
    IndexType,      ///< "expected scalar type Long but found Float"
  } Stage = None;
  /// LibTorch's message; shapes print unknown dimensions as '?'.
  std::string Message;
  /// True when the target is read as class indices (its shape differs from
  /// the input's).
  bool ClassIndices = false;
  /// False when an earlier check with unknown operands (the batch sizes) may
  /// raise first, with another message.
  bool Exact = true;

  bool raisesOnShape() const {
    return Outcome == Raises &&
           (Stage == BatchSize || Stage == TargetRank || Stage == TargetSize);
  }
};

/// Replays cross_entropy(Input, Target) (nll_loss when Kind is NLL, torch::nn's
/// binary_cross_entropy_with_logits when it is BCEWithLogits).
ContractVerdict checkLossContract(LossKind Kind, const Shape &Input,
                                  const Shape &Target,
                                  std::optional<DType> TargetType);

/// The dimension cross_entropy and nll_loss read as the classes of an input
/// of rank Rank >= 1: 0 in [C], 1 in [N, C, d1, ...].
inline size_t classDimension(size_t Rank) { return Rank == 1 ? 0 : 1; }

/// The number of classes C of an input [C] or [N, C, d1, ...], if known.
std::optional<int64_t> numClasses(const Shape &Input);

/// The class indices of a target that LibTorch rejects ("Target 3 is out of
/// bounds."), proven from the target's values.
struct OutOfRangeTargets {
  /// Rejected values that provably occur, or that a uniform draw yields.
  llvm::SmallVector<int64_t, 4> Values;
  /// True when Values lists every rejected value the target holds.
  bool Complete = false;
};

/// The rejected targets among Values, for C classes and the given
/// ignore_index (nullopt: unknown). A uniform draw of at least MinTargets
/// values counts when it yields a rejected value with probability >= 1/2: the
/// program draws labels that are not classes.
std::optional<OutOfRangeTargets>
findOutOfRangeTargets(const ValueRange &Values, int64_t C,
                      std::optional<int64_t> IgnoreIndex,
                      std::optional<int64_t> MinTargets);

/// The shape a tensor would have without the unsqueeze that added a dimension
/// at position Pos, or nullopt if that dimension is no longer there.
Shape withoutDim(const Shape &S, int64_t Pos);

} // namespace torchlint

#endif // TORCHLINT_CROSSENTROPYCONTRACT_H
