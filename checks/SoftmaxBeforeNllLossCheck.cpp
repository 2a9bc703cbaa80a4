//===--- SoftmaxBeforeNllLossCheck.cpp ------------------------------------===//

#include "SoftmaxBeforeNllLossCheck.h"

namespace torchlint {

bool SoftmaxBeforeNllLossCheck::checkUse(const LossUse &Use) {
  if (Use.Kind != LossKind::NLL || Use.Input.Act != Activation::Softmax)
    return false;
  diag(Use.Call->getBeginLoc(),
       "input of NLLLoss%0 is a softmax, not a log_softmax; NLLLoss expects "
       "log-probabilities, so it minimizes -p instead of -log(p) and its "
       "gradients vanish as p shrinks; use log_softmax")
      << (Use.Input.Sizes ? " " + formatShape(Use.Input.Sizes) : "");
  noteOrigin(Use.Input.ActOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
