//===--- SigmoidBeforeBceWithLogitsCheck.h ----------------------*- C++ -*-===//

#ifndef TORCHLINT_SIGMOIDBEFOREBCEWITHLOGITSCHECK_H
#define TORCHLINT_SIGMOIDBEFOREBCEWITHLOGITSCHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds sigmoid output passed to BCEWithLogitsLoss or
/// binary_cross_entropy_with_logits, which apply the sigmoid themselves.
class SigmoidBeforeBceWithLogitsCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
