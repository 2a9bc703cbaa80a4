//===--- TargetOutOfRangeCheck.h --------------------------------*- C++ -*-===//

#ifndef TORCHLINT_TARGETOUTOFRANGECHECK_H
#define TORCHLINT_TARGETOUTOFRANGECHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds class-index targets of a cross-entropy or NLL loss whose values are
/// provably outside [0, C-1] and not the ignore_index.
class TargetOutOfRangeCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
