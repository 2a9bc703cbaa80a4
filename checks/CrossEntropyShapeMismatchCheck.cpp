//===--- CrossEntropyShapeMismatchCheck.cpp -------------------------------===//

#include "CrossEntropyShapeMismatchCheck.h"
#include "CrossEntropyContract.h"
#include "StrayUnsqueezeCheck.h"

namespace torchlint {

static llvm::StringRef describeMismatch(const ContractVerdict &V) {
  switch (V.Stage) {
  case ContractVerdict::BatchSize:
    return "the batch sizes differ";
  case ContractVerdict::TargetRank:
  case ContractVerdict::TargetSize:
    return "the target's shape does not fit the input's";
  case ContractVerdict::ProbabilityType:
    return "a target of the input's shape is read as class probabilities, "
           "which must be floating point";
  case ContractVerdict::None:
  case ContractVerdict::IndexType:
    break;
  }
  return "";
}

bool CrossEntropyShapeMismatchCheck::checkUse(const LossUse &Use) {
  const TensorFact &In = Use.Input, &Tg = Use.Target;
  ContractVerdict V = checkLossContract(Use.Kind, In.Sizes, Tg.Sizes, Tg.Type);
  if (!V.raisesOnShape() && V.Stage != ContractVerdict::ProbabilityType)
    return false;
  // A mismatch that an unsqueeze made is torch-stray-unsqueeze's.
  if (findUnsqueezeRepair(Use))
    return false;
  std::string TargetType = Tg.Type ? " " + dtypeName(*Tg.Type).str() : "";
  std::string Raised = V.Exact ? "LibTorch raises \"" + V.Message + "\""
                               : "LibTorch rejects these shapes";
  diag(Use.Call->getBeginLoc(),
       "%0 receives input of shape %1 and%2 target of shape %3: %4; %5")
      << lossName(Use.Kind) << formatShape(In.Sizes) << TargetType
      << formatShape(Tg.Sizes) << describeMismatch(V) << Raised;
  noteConfirmation(Use, Claim::raises(V.Exact ? V.Message : ""));
  noteOrigin(In.SizesOrigin);
  noteOrigin(Tg.SizesOrigin);
  if (V.Stage == ContractVerdict::ProbabilityType)
    noteOrigin(Tg.TypeOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
