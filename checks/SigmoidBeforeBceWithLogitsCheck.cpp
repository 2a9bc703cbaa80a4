//===--- SigmoidBeforeBceWithLogitsCheck.cpp ------------------------------===//

#include "SigmoidBeforeBceWithLogitsCheck.h"

namespace torchlint {

bool SigmoidBeforeBceWithLogitsCheck::checkUse(const LossUse &Use) {
  if (Use.Kind != LossKind::BCEWithLogits ||
      Use.Input.Act != Activation::Sigmoid)
    return false;
  // sigmoid(sigmoid(x)) lies in (0.5, 0.731): a target of 0 can never be
  // predicted, and the loss stays above 0.31 for targets of 1.
  diag(Use.Call->getBeginLoc(),
       "input of BCEWithLogitsLoss%0 is already a sigmoid; "
       "BCEWithLogitsLoss applies the sigmoid itself, so its predictions are "
       "confined to (0.5, 0.73) and the loss cannot approach 0; pass the raw "
       "logits")
      << (Use.Input.Sizes ? " " + formatShape(Use.Input.Sizes) : "")
      << dropActivation(Use);
  noteConfirmation(Use, Claim::of(Claim::SigmoidBeforeBce));
  noteOrigin(Use.Input.ActOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
