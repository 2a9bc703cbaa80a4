//===--- StrayUnsqueezeCheck.h ----------------------------------*- C++ -*-===//

#ifndef TORCHLINT_STRAYUNSQUEEZECHECK_H
#define TORCHLINT_STRAYUNSQUEEZECHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// How the unsqueeze that breaks a loss's shape contract could be repaired:
/// removed, or moved to another position.
struct UnsqueezeRepair {
  bool OnInput; ///< the unsqueeze is on the input, else on the target
  bool Remove;
  int64_t Position; ///< where to move it, unless Remove
};

/// The first repair of an unsqueeze on the input, else on the target, that
/// makes the loss's shape checks pass.
std::optional<UnsqueezeRepair> findUnsqueezeRepair(const LossUse &Use);

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
