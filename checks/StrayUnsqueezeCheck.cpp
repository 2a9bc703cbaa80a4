//===--- StrayUnsqueezeCheck.cpp ------------------------------------------===//

#include "StrayUnsqueezeCheck.h"
#include "CrossEntropyContract.h"

namespace torchlint {

bool StrayUnsqueezeCheck::checkUse(const LossUse &Use) {
  const TensorFact &In = Use.Input, &Tg = Use.Target;
  ContractVerdict Actual =
      checkLossContract(Use.Kind, In.Sizes, Tg.Sizes, Tg.Type);
  if (!Actual.raisesOnShape())
    return false;

  // Blame the unsqueeze whose removal satisfies the shape contract.
  auto FixedBy = [&](const TensorFact &Culprit, bool IsInput) {
    if (!Culprit.Unsqueezed)
      return false;
    Shape Without = withoutDim(Culprit.Sizes, Culprit.Unsqueezed->Dim);
    if (!Without)
      return false;
    ContractVerdict Fixed =
        IsInput ? checkLossContract(Use.Kind, Without, Tg.Sizes, Tg.Type)
                : checkLossContract(Use.Kind, In.Sizes, Without, Tg.Type);
    return !Fixed.raisesOnShape();
  };
  bool BlameInput = FixedBy(In, true);
  if (!BlameInput && !FixedBy(Tg, false))
    return false;

  const TensorFact &Culprit = BlameInput ? In : Tg;
  const TensorFact &Other = BlameInput ? Tg : In;
  std::string Raised =
      Actual.Exact ? "LibTorch raises \"" + Actual.Message + "\"; " : "";
  const clang::Expr *Arg = BlameInput ? Use.InputArg : Use.TargetArg;
  diag(Arg ? Arg->getBeginLoc() : Use.Call->getBeginLoc(),
       "%0 of %1 has shape %2 after %3, %4 has shape %5; %6remove the "
       "unsqueeze")
      << (BlameInput ? "input" : "target") << lossName(Use.Kind)
      << formatShape(Culprit.Sizes) << Culprit.Unsqueezed->At.What
      << (BlameInput ? "target" : "input") << formatShape(Other.Sizes)
      << Raised;
  diag(Culprit.Unsqueezed->At.Loc, "%0 adds a dimension of size 1 here",
       clang::DiagnosticIDs::Note)
      << Culprit.Unsqueezed->At.What;
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
