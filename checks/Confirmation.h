//===--- Confirmation.h - Findings replayed on sample data ----------------===//
//
// A finding is a claim about what LibTorch does with a loss call. The bundled
// kernel (checks/kernel) replays the call on seeded sample data built from the
// tensor facts the finding rests on, and the outcome becomes a note: the error
// LibTorch raises, or the numbers that show the damage of a silent bug. The
// kernel's argument checks share nothing with CrossEntropyContract, so a
// confirmed finding is two independent derivations agreeing.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_CONFIRMATION_H
#define TORCHLINT_CONFIRMATION_H

#include "TensorFacts.h"

namespace torchlint {

/// What a finding claims the loss call does.
struct Claim {
  enum KindTy {
    /// The call raises Message ('?' for sizes the facts do not know; empty
    /// when the finding does not know which of LibTorch's checks fails
    /// first).
    Raises,
    /// The call raises "Target <v> is out of bounds." for a class index v
    /// that the target holds.
    TargetOutOfRange,
    /// The input is a softmax: a perfect prediction has a positive loss and
    /// the gradients shrink.
    SoftmaxBeforeCrossEntropy,
    /// The input is a softmax, not a log_softmax: the loss is -p, whose
    /// gradients vanish as p shrinks.
    SoftmaxBeforeNll,
    /// The input is a sigmoid: predictions stay in (0.5, 0.73).
    SigmoidBeforeBce,
  } Kind;
  std::string Message;

  static Claim raises(std::string Message) {
    return {Raises, std::move(Message)};
  }
  static Claim of(KindTy Kind) { return {Kind, ""}; }
};

/// The facts of a loss call that the sample data is built from.
struct LossCallFacts {
  LossKind Kind;
  TensorFact Input, Target;
  std::optional<int64_t> IgnoreIndex;
};

struct Confirmation {
  bool Confirmed = false;
  /// The note: "confirmed on sample data [32, 1, 3] / [32]: ..." or
  /// "unconfirmed on sample data ...: ..." with what the kernel did instead.
  std::string Note;
};

/// Replays the call on sample data: the inferred sizes (unknown ones set to
/// SampleDefaultSize, sizes that would hold more than SampleBudget elements
/// clamped), seeded values, and the kernel's verdict on the claim.
Confirmation confirm(const Claim &C, const LossCallFacts &Facts);

/// The size given to dimensions the facts do not know.
constexpr int64_t SampleDefaultSize = 4;
/// The most elements a sample tensor holds; larger shapes are clamped.
constexpr int64_t SampleBudget = int64_t(1) << 20;

} // namespace torchlint

#endif // TORCHLINT_CONFIRMATION_H
