//===--- CrossEntropyShapeMismatchCheck.h -----------------------*- C++ -*-===//

#ifndef TORCHLINT_CROSSENTROPYSHAPEMISMATCHCHECK_H
#define TORCHLINT_CROSSENTROPYSHAPEMISMATCHCHECK_H

#include "LossUseCheck.h"

namespace torchlint {

/// Finds cross-entropy and NLL calls whose input and target shapes LibTorch
/// provably rejects (batch sizes, one-hot int64 targets, probability targets
/// of another shape, K-dimensional targets), other than by a stray unsqueeze.
class CrossEntropyShapeMismatchCheck : public LossUseCheck {
public:
  using LossUseCheck::LossUseCheck;

private:
  bool checkUse(const LossUse &Use) override;
};

} // namespace torchlint

#endif
