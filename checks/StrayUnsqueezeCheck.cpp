//===--- StrayUnsqueezeCheck.cpp ------------------------------------------===//

#include "StrayUnsqueezeCheck.h"
#include "CrossEntropyContract.h"

namespace torchlint {

/// The first repair of the unsqueeze that added a dimension to the input (or
/// the target) that makes the loss's shape checks pass.
static std::optional<UnsqueezeRepair> findRepair(const LossUse &Use,
                                                 bool OnInput) {
  const TensorFact &Culprit = OnInput ? Use.Input : Use.Target;
  if (!Culprit.Unsqueezed)
    return std::nullopt;
  Shape Without = withoutDim(Culprit.Sizes, Culprit.Unsqueezed->Dim);
  if (!Without)
    return std::nullopt;
  auto Passes = [&](const Shape &S) {
    ContractVerdict V =
        OnInput ? checkLossContract(Use.Kind, S, Use.Target.Sizes,
                                    Use.Target.Type)
                : checkLossContract(Use.Kind, Use.Input.Sizes, S,
                                    Use.Target.Type);
    return !V.raisesOnShape();
  };
  if (Passes(Without))
    return UnsqueezeRepair{OnInput, /*Remove=*/true, 0};
  for (size_t P = 0; P <= Without->size(); ++P) {
    if (static_cast<int64_t>(P) == Culprit.Unsqueezed->Dim)
      continue;
    Shape Moved = Without;
    Moved->insert(Moved->begin() + P, Dim(1));
    if (Passes(Moved))
      return UnsqueezeRepair{OnInput, /*Remove=*/false,
                             static_cast<int64_t>(P)};
  }
  return std::nullopt;
}

std::optional<UnsqueezeRepair> findUnsqueezeRepair(const LossUse &Use) {
  if (!checkLossContract(Use.Kind, Use.Input.Sizes, Use.Target.Sizes,
                         Use.Target.Type)
           .raisesOnShape())
    return std::nullopt;
  if (auto R = findRepair(Use, /*OnInput=*/true))
    return R;
  return findRepair(Use, /*OnInput=*/false);
}

bool StrayUnsqueezeCheck::checkUse(const LossUse &Use) {
  std::optional<UnsqueezeRepair> Fix = findUnsqueezeRepair(Use);
  if (!Fix)
    return false;
  ContractVerdict Actual = checkLossContract(Use.Kind, Use.Input.Sizes,
                                             Use.Target.Sizes, Use.Target.Type);
  const TensorFact &Culprit = Fix->OnInput ? Use.Input : Use.Target;
  const TensorFact &Other = Fix->OnInput ? Use.Target : Use.Input;
  std::string Raised =
      Actual.Exact ? "LibTorch raises \"" + Actual.Message + "\"; " : "";
  std::string Advice = Fix->Remove ? "remove the unsqueeze"
                                   : "use unsqueeze(" +
                                         std::to_string(Fix->Position) +
                                         ") instead";
  // The edit, when the unsqueezed value flows into the loss only.
  const clang::Expr *Unsqueeze = Culprit.Unsqueezed->At.Site;
  fixit::Edits Edit;
  if (fixit::flowsOnlyInto(Unsqueeze, Fix->OnInput ? Use.InputArg
                                                   : Use.TargetArg,
                           *Context))
    Edit = Fix->Remove ? fixit::dropCall(Unsqueeze, *Context)
                       : fixit::replaceArgument(
                             Unsqueeze, 0, std::to_string(Fix->Position),
                             *Context);
  diag(Use.Call->getBeginLoc(),
       "%0 of %1 has shape %2 after %3, %4 has shape %5; %6%7")
      << (Fix->OnInput ? "input" : "target") << lossName(Use.Kind)
      << formatShape(Culprit.Sizes) << Culprit.Unsqueezed->At.What
      << (Fix->OnInput ? "target" : "input") << formatShape(Other.Sizes)
      << Raised << Advice << Edit;
  noteConfirmation(Use, Claim::raises(Actual.Exact ? Actual.Message : ""));
  diag(Culprit.Unsqueezed->At.Loc, "%0 adds a dimension of size 1 here",
       clang::DiagnosticIDs::Note)
      << Culprit.Unsqueezed->At.What;
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
