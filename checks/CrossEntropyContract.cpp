//===--- CrossEntropyContract.cpp - What cross_entropy accepts ------------===//

#include "CrossEntropyContract.h"
#include "llvm/ADT/STLExtras.h"
#include <cmath>

namespace torchlint {

namespace {

/// True if proven equal, false if proven different, nullopt if unknown.
std::optional<bool> sameDims(llvm::ArrayRef<Dim> A, llvm::ArrayRef<Dim> B) {
  if (A.size() != B.size())
    return false;
  bool AllKnown = true;
  for (size_t I = 0; I < A.size(); ++I) {
    if (A[I] && B[I] && *A[I] != *B[I])
      return false;
    AllKnown &= A[I].has_value() && B[I].has_value();
  }
  if (AllKnown)
    return true;
  return std::nullopt;
}

std::string dimText(const Dim &D) { return D ? std::to_string(*D) : "?"; }

ContractVerdict raises(ContractVerdict::StageTy Stage, std::string Message,
                       bool ClassIndices) {
  ContractVerdict V;
  V.Outcome = ContractVerdict::Raises;
  V.Stage = Stage;
  V.Message = std::move(Message);
  V.ClassIndices = ClassIndices;
  return V;
}

ContractVerdict unknown() { return ContractVerdict(); }

ContractVerdict valid(bool ClassIndices) {
  ContractVerdict V;
  V.Outcome = ContractVerdict::Valid;
  V.ClassIndices = ClassIndices;
  return V;
}

/// The dtype check of the class-index kernels: int64 always, uint8 only in
/// nll_loss's 1-D/2-D kernel.
ContractVerdict checkIndexType(std::optional<DType> T, bool AllowByte) {
  if (!T)
    return unknown();
  if (*T == DType::Long || (AllowByte && *T == DType::Byte))
    return valid(/*ClassIndices=*/true);
  return raises(ContractVerdict::IndexType,
                "expected scalar type Long but found " +
                    dtypeScalarTypeName(*T).str(),
                true);
}

} // namespace

static ContractVerdict checkAfterBatch(const Shape &Input,
                                       const Shape &Target,
                                       std::optional<DType> TargetType);
static ContractVerdict checkProbabilities(std::optional<DType> TargetType);
static ContractVerdict checkClassIndices(const Shape &Input,
                                         const Shape &Target,
                                         std::optional<DType> TargetType);

std::optional<int64_t> numClasses(const Shape &Input) {
  if (!Input || Input->empty())
    return std::nullopt;
  return (*Input)[classDimension(Input->size())];
}

std::optional<OutOfRangeTargets>
findOutOfRangeTargets(const ValueRange &Values, int64_t C,
                      std::optional<int64_t> IgnoreIndex,
                      std::optional<int64_t> MinTargets) {
  auto Rejected = [&](int64_t V) {
    return (V < 0 || V >= C) && V != IgnoreIndex;
  };
  // The rejected values within the bounds: all of them if at most 8.
  auto RejectedWithinBounds = [&] {
    llvm::SmallVector<int64_t, 8> All;
    auto AddRun = [&](int64_t From, int64_t To) {
      for (int64_t V = From; V <= To && All.size() <= 8; ++V)
        if (Rejected(V))
          All.push_back(V);
    };
    AddRun(Values.Lo, std::min<int64_t>(Values.Hi, -1));
    AddRun(std::max<int64_t>(Values.Lo, C), Values.Hi);
    return All;
  };
  OutOfRangeTargets Out;
  for (int64_t V : Values.Present)
    if (Rejected(V))
      Out.Values.push_back(V);
  // With ignore_index unknown, any one value may be the ignored one.
  if (!IgnoreIndex && Out.Values.size() < 2)
    Out.Values.clear();
  if (!Out.Values.empty()) {
    // Every rejected value is listed when the bounds allow no other.
    Out.Complete =
        IgnoreIndex &&
        (Values.Complete || RejectedWithinBounds().size() == Out.Values.size());
    return Out;
  }

  if (!Values.Uniform || !IgnoreIndex || !MinTargets || *MinTargets <= 0)
    return std::nullopt;
  // Every one of the draws must land on an accepted value for the call
  // to pass.
  double Total = static_cast<double>(Values.Hi) - Values.Lo + 1;
  double Accepted =
      std::max<double>(0, std::min<int64_t>(Values.Hi, C - 1) -
                              std::max<int64_t>(Values.Lo, 0) + 1);
  bool IgnoreOutsideClasses = *IgnoreIndex < 0 || *IgnoreIndex >= C;
  if (IgnoreOutsideClasses && *IgnoreIndex >= Values.Lo &&
      *IgnoreIndex <= Values.Hi)
    Accepted += 1;
  if (Accepted >= Total ||
      *MinTargets * std::log(Accepted / Total) > std::log(0.5))
    return std::nullopt;
  // The rejected values the draw can yield: all of them if few, else the
  // extremes.
  llvm::SmallVector<int64_t, 8> All = RejectedWithinBounds();
  if (All.size() <= 8) {
    Out.Values.assign(All.begin(), All.end());
    Out.Complete = true;
  } else {
    for (int64_t V : {Values.Lo, Values.Hi})
      if (Rejected(V))
        Out.Values.push_back(V);
  }
  return Out;
}

Shape withoutDim(const Shape &S, int64_t Pos) {
  if (!S || Pos < 0 || Pos >= static_cast<int64_t>(S->size()))
    return std::nullopt;
  const Dim &D = (*S)[Pos];
  if (D && *D != 1)
    return std::nullopt;
  llvm::SmallVector<Dim, 4> Out(*S);
  Out.erase(Out.begin() + Pos);
  return Out;
}

ContractVerdict checkLossContract(LossKind Kind, const Shape &Input,
                                  const Shape &Target,
                                  std::optional<DType> TargetType) {
  if (!Input || !Target)
    return unknown();
  llvm::ArrayRef<Dim> In(*Input), Tg(*Target);

  // torch::nn's binary_cross_entropy_with_logits (the functional and the
  // module) checks the sizes first; it does not broadcast the target.
  if (Kind == LossKind::BCEWithLogits) {
    std::optional<bool> Same = sameDims(In, Tg);
    if (!Same)
      return unknown();
    if (*Same)
      return valid(/*ClassIndices=*/false);
    return raises(ContractVerdict::TargetSize,
                  "Target size (" + formatShape(Target) +
                      ") must be the same as input size (" +
                      formatShape(Input) + ")",
                  /*ClassIndices=*/false);
  }

  // cross_entropy reads a target of the input's exact shape as class
  // probabilities.
  if (Kind == LossKind::CrossEntropy) {
    std::optional<bool> Same = sameDims(In, Tg);
    if (Same && *Same)
      return checkProbabilities(TargetType);
    if (!Same) {
      // Either reading may apply: the call surely raises if both do.
      ContractVerdict Prob = checkProbabilities(TargetType);
      ContractVerdict Cls = checkClassIndices(Input, Target, TargetType);
      if (Prob.Outcome != ContractVerdict::Raises ||
          Cls.Outcome != ContractVerdict::Raises)
        return unknown();
      Cls.Exact = false;
      return Cls;
    }
  }
  return checkClassIndices(Input, Target, TargetType);
}

static ContractVerdict checkProbabilities(std::optional<DType> TargetType) {
  if (!TargetType)
    return unknown();
  if (!isFloatingDType(*TargetType))
    return raises(ContractVerdict::ProbabilityType,
                  "Expected floating point type for target with class "
                  "probabilities, got " +
                      dtypeScalarTypeName(*TargetType).str(),
                  false);
  return valid(/*ClassIndices=*/false);
}

/// nll_loss_nd, which cross_entropy calls when the shapes differ.
static ContractVerdict checkClassIndices(const Shape &Input,
                                         const Shape &Target,
                                         std::optional<DType> TargetType) {
  llvm::ArrayRef<Dim> In(*Input), Tg(*Target);
  if (In.empty())
    return unknown();
  if (In.size() != 1 && !Tg.empty()) {
    if (In[0] && Tg[0] && *In[0] != *Tg[0])
      return raises(ContractVerdict::BatchSize,
                    "Expected input batch_size (" + dimText(In[0]) +
                        ") to match target batch_size (" + dimText(Tg[0]) +
                        ").",
                    true);
  }
  // With a batch size unknown, the batch check may fail before the later
  // ones: the call still raises, but maybe with another message.
  bool BatchKnown = In.size() == 1 || Tg.empty() || (In[0] && Tg[0]);
  ContractVerdict V = checkAfterBatch(Input, Target, TargetType);
  V.Exact = V.Exact && BatchKnown;
  if (V.Outcome == ContractVerdict::Valid && !BatchKnown)
    V.Outcome = ContractVerdict::Unknown;
  return V;
}

static ContractVerdict checkAfterBatch(const Shape &Input,
                                       const Shape &Target,
                                       std::optional<DType> TargetType) {
  llvm::ArrayRef<Dim> In(*Input), Tg(*Target);

  if (In.size() <= 2) {
    // nll_loss's meta function.
    if (Tg.size() > 1)
      return raises(ContractVerdict::TargetRank,
                    "0D or 1D target tensor expected, multi-target not "
                    "supported",
                    true);
    if (In.size() == 2 && Tg.empty()) {
      // nll_loss_nd reads the batch size of the 0-d target as 0 in LibTorch
      // 1.13 ("Expected input batch_size (1) to match target batch_size
      // (0)."): the call raises, by reading past the sizes.
      ContractVerdict V =
          raises(ContractVerdict::BatchSize,
                 "Expected input batch_size (" + dimText(In[0]) +
                     ") to match target batch_size (0).",
                 true);
      V.Exact = false;
      return V;
    }
    if (In.size() == 1 && Tg.size() == 1) {
      if (In[0] && Tg[0] && *In[0] != *Tg[0])
        return raises(ContractVerdict::TargetRank,
                      "size mismatch (got input: " + formatShape(Input) +
                          ", target: " + formatShape(Target) + ")",
                      true);
      if (!In[0] || !Tg[0])
        return unknown();
    }
    return checkIndexType(TargetType, /*AllowByte=*/true);
  }

  if (In.size() == 4) {
    // nll_loss2d.
    if (Tg.size() != 3)
      return raises(ContractVerdict::TargetRank,
                    "only batches of spatial targets supported (3D tensors) "
                    "but got targets of dimension: " +
                        std::to_string(Tg.size()),
                    true);
    std::optional<bool> Spatial = sameDims(In.drop_front(2), Tg.drop_front(1));
    if (!Spatial)
      return unknown();
    if (!*Spatial)
      return raises(ContractVerdict::TargetSize,
                    "size mismatch (got input: " + formatShape(Input) +
                        " , target: " + formatShape(Target),
                    true);
    return checkIndexType(TargetType, /*AllowByte=*/false);
  }

  // Three or more than four dimensions: reshaped onto nll_loss2d.
  std::optional<bool> Spatial = sameDims(In.drop_front(2), Tg.drop_front(1));
  if (Tg.empty())
    Spatial = false;
  if (!Spatial)
    return unknown();
  if (!*Spatial) {
    llvm::SmallVector<Dim, 4> Expected{In[0]};
    Expected.append(In.begin() + 2, In.end());
    return raises(ContractVerdict::TargetSize,
                  "Expected target size " + formatShape(Expected) + ", got " +
                      formatShape(Target),
                  true);
  }
  return checkIndexType(TargetType, /*AllowByte=*/false);
}

} // namespace torchlint
