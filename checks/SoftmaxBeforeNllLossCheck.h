//===--- SoftmaxBeforeNllLossCheck.h ----------------------------*- C++ -*-===//

#ifndef TORCHLINT_SOFTMAXBEFORENLLLOSSCHECK_H
#define TORCHLINT_SOFTMAXBEFORENLLLOSSCHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds softmax output (probabilities, not log-probabilities) passed to
/// NLLLoss or nll_loss.
class SoftmaxBeforeNllLossCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
