//===--- FloatClassTargetCheck.cpp ----------------------------------------===//

#include "FloatClassTargetCheck.h"
#include "CrossEntropyContract.h"

namespace torchlint {

bool FloatClassTargetCheck::checkUse(const LossUse &Use) {
  const TensorFact &In = Use.Input, &Tg = Use.Target;
  ContractVerdict V = checkLossContract(Use.Kind, In.Sizes, Tg.Sizes, Tg.Type);
  if (V.Outcome != ContractVerdict::Raises ||
      V.Stage != ContractVerdict::IndexType || !Tg.Type)
    return false;
  diag(Use.Call->getBeginLoc(),
       "target of %0 holds class indices (shape %1 for input %2) but has "
       "dtype %3; LibTorch raises \"%4\"; convert it with .to(torch::kLong)")
      << lossName(Use.Kind) << formatShape(Tg.Sizes) << formatShape(In.Sizes)
      << dtypeName(*Tg.Type) << V.Message
      << fixit::appendCall(Use.TargetArg, ".to(torch::kLong)", *Context);
  noteConfirmation(Use, Claim::raises(V.Message));
  noteOrigin(Tg.TypeOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
