//===--- TargetOutOfRangeCheck.cpp ----------------------------------------===//

#include "TargetOutOfRangeCheck.h"
#include "CrossEntropyContract.h"

namespace torchlint {

static std::string joinValues(llvm::ArrayRef<int64_t> Values) {
  std::string Out;
  for (size_t I = 0; I < Values.size(); ++I)
    Out += (I == 0 ? "" : I + 1 == Values.size() ? " and " : ", ") +
           std::to_string(Values[I]);
  return Out;
}

bool TargetOutOfRangeCheck::checkUse(const LossUse &Use) {
  const TensorFact &In = Use.Input, &Tg = Use.Target;
  if (Use.Kind == LossKind::BCEWithLogits || !Tg.Range)
    return false;
  // LibTorch reads the values only once the shapes and the dtype pass.
  ContractVerdict V = checkLossContract(Use.Kind, In.Sizes, Tg.Sizes, Tg.Type);
  if (V.Outcome != ContractVerdict::Valid || !V.ClassIndices)
    return false;
  std::optional<int64_t> C = numClasses(In.Sizes);
  if (!C)
    return false;
  // Unknown dimensions count as 1 in the number of targets drawn.
  std::optional<int64_t> MinTargets;
  if (Tg.Sizes) {
    MinTargets = 1;
    for (const Dim &D : *Tg.Sizes)
      MinTargets = std::min<int64_t>(*MinTargets * D.value_or(1), 1 << 20);
  }
  std::optional<OutOfRangeTargets> Bad =
      findOutOfRangeTargets(*Tg.Range, *C, Use.IgnoreIndex, MinTargets);
  if (!Bad)
    return false;

  std::string Ignore =
      Use.IgnoreIndex ? " and not ignore_index " + std::to_string(*Use.IgnoreIndex)
                      : "";
  std::string Raised = "LibTorch raises ";
  if (Bad->Complete && Bad->Values.size() <= 3) {
    for (size_t I = 0; I < Bad->Values.size(); ++I)
      Raised += (I ? " or \"Target " : "\"Target ") +
                std::to_string(Bad->Values[I]) + " is out of bounds.\"";
    if (Bad->Values.size() > 1)
      Raised += ", whichever comes first";
  } else {
    Raised += "\"Target <value> is out of bounds.\" at the first of them";
  }
  diag(Use.Call->getBeginLoc(),
       "target of %0 has values %1 but the input %2 has C = %3 classes: %4 "
       "%5 outside [0, %6]%7; %8")
      << lossName(Use.Kind) << describeValues(*Tg.Range)
      << formatShape(In.Sizes) << *C << joinValues(Bad->Values)
      << (Bad->Values.size() == 1 ? "is" : "are") << *C - 1 << Ignore
      << Raised;
  noteConfirmation(Use, Claim::of(Claim::TargetOutOfRange));
  noteOrigin(Tg.Range->From);
  noteOrigin(In.SizesOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
