//===--- SoftmaxBeforeCrossEntropyCheck.h -----------------------*- C++ -*-===//

#ifndef TORCHLINT_SOFTMAXBEFORECROSSENTROPYCHECK_H
#define TORCHLINT_SOFTMAXBEFORECROSSENTROPYCHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds cross-entropy losses whose input is already a softmax: the loss
/// applies log_softmax itself, so the program runs but trains on a squashed
/// signal.
class SoftmaxBeforeCrossEntropyCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
