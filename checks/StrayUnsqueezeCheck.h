//===--- StrayUnsqueezeCheck.h ----------------------------------*- C++ -*-===//

#ifndef TORCHLINT_STRAYUNSQUEEZECHECK_H
#define TORCHLINT_STRAYUNSQUEEZECHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds an unsqueeze on the input or the target of a cross-entropy or NLL
/// loss that breaks the loss's shape contract, when removing it would restore
/// the contract.
class StrayUnsqueezeCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
