//===--- FloatClassTargetCheck.h --------------------------------*- C++ -*-===//

#ifndef TORCHLINT_FLOATCLASSTARGETCHECK_H
#define TORCHLINT_FLOATCLASSTARGETCHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds class-index targets of cross-entropy and NLL losses whose dtype
/// LibTorch rejects (anything but int64, and uint8 on the 2-D path).
class FloatClassTargetCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
