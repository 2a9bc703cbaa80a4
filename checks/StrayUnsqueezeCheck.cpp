//===--- StrayUnsqueezeCheck.cpp ------------------------------------------===//

#include "StrayUnsqueezeCheck.h"
#include "CrossEntropyContract.h"

namespace torchlint {

namespace {

/// How an unsqueeze that breaks the shape contract could be repaired: removed,
/// or moved to another position.
struct Repair {
  bool Remove;
  int64_t Position;
};

/// The first repair of the unsqueeze that added a dimension to Culprit that
/// makes the loss's shape checks pass.
std::optional<Repair> findRepair(const LossUse &Use, bool IsInput) {
  const TensorFact &Culprit = IsInput ? Use.Input : Use.Target;
  if (!Culprit.Unsqueezed)
    return std::nullopt;
  Shape Without = withoutDim(Culprit.Sizes, Culprit.Unsqueezed->Dim);
  if (!Without)
    return std::nullopt;
  auto Passes = [&](const Shape &S) {
    ContractVerdict V =
        IsInput ? checkLossContract(Use.Kind, S, Use.Target.Sizes,
                                    Use.Target.Type)
                : checkLossContract(Use.Kind, Use.Input.Sizes, S,
                                    Use.Target.Type);
    return !V.raisesOnShape();
  };
  if (Passes(Without))
    return Repair{true, 0};
  for (size_t P = 0; P <= Without->size(); ++P) {
    if (static_cast<int64_t>(P) == Culprit.Unsqueezed->Dim)
      continue;
    Shape Moved = Without;
    Moved->insert(Moved->begin() + P, Dim(1));
    if (Passes(Moved))
      return Repair{false, static_cast<int64_t>(P)};
  }
  return std::nullopt;
}

} // namespace

bool StrayUnsqueezeCheck::checkUse(const LossUse &Use) {
  ContractVerdict Actual = checkLossContract(Use.Kind, Use.Input.Sizes,
                                             Use.Target.Sizes, Use.Target.Type);
  if (!Actual.raisesOnShape())
    return false;

  bool BlameInput = true;
  std::optional<Repair> Fix = findRepair(Use, /*IsInput=*/true);
  if (!Fix) {
    BlameInput = false;
    Fix = findRepair(Use, /*IsInput=*/false);
  }
  if (!Fix)
    return false;

  const TensorFact &Culprit = BlameInput ? Use.Input : Use.Target;
  const TensorFact &Other = BlameInput ? Use.Target : Use.Input;
  std::string Raised =
      Actual.Exact ? "LibTorch raises \"" + Actual.Message + "\"; " : "";
  std::string Advice = Fix->Remove ? "remove the unsqueeze"
                                   : "use unsqueeze(" +
                                         std::to_string(Fix->Position) +
                                         ") instead";
  diag(Use.Call->getBeginLoc(),
       "%0 of %1 has shape %2 after %3, %4 has shape %5; %6%7")
      << (BlameInput ? "input" : "target") << lossName(Use.Kind)
      << formatShape(Culprit.Sizes) << Culprit.Unsqueezed->At.What
      << (BlameInput ? "target" : "input") << formatShape(Other.Sizes)
      << Raised << Advice;
  diag(Culprit.Unsqueezed->At.Loc, "%0 adds a dimension of size 1 here",
       clang::DiagnosticIDs::Note)
      << Culprit.Unsqueezed->At.What;
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
