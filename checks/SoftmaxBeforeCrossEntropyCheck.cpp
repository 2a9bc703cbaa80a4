//===--- SoftmaxBeforeCrossEntropyCheck.cpp -------------------------------===//

#include "SoftmaxBeforeCrossEntropyCheck.h"

namespace torchlint {

bool SoftmaxBeforeCrossEntropyCheck::checkUse(const LossUse &Use) {
  if (Use.Kind != LossKind::CrossEntropy || !isSoftmaxOverClasses(Use.Input))
    return false;
  diag(Use.Call->getBeginLoc(),
       "input of CrossEntropyLoss is already a softmax; CrossEntropyLoss "
       "applies log_softmax itself, so the loss cannot reach 0 and its "
       "gradients shrink; pass the raw logits")
      << dropActivation(Use);
  noteConfirmation(Use, Claim::of(Claim::SoftmaxBeforeCrossEntropy));
  noteOrigin(Use.Input.ActOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
