//===--- BceCompute.cpp - binary_cross_entropy_with_logits ----------------===//
//
// ATen 1.13 computes, with m = max(-x, 0) and lw = (pos_weight - 1) * t + 1,
//
//   loss = (1 - t) * x + m + log(exp(-m) + exp(-x - m))          no pos_weight
//   loss = (1 - t) * x + lw * (log(exp(-m) + exp(-x - m)) + m)   pos_weight
//
// times weight, and differentiates it with its own backward formula,
//
//   grad = (sigmoid(x) - t) * upstream * weight
//   grad = ((pos_weight * t + 1 - t) * sigmoid(x) - pos_weight * t) * ...
//
// divided by numel() for the mean. The kernel evaluates the same operations
// in the same order, each rounded to the dtype LibTorch stores its result in
// (the loss takes the target's dtype, the input's may differ), so that
// infinite and NaN logits, and cancellations, come out as in LibTorch.
//
//===----------------------------------------------------------------------===//

#include "Compute.h"

#include <cmath>
#include <limits>

namespace torchlint::kernel::detail {

template <typename T>
void computeBceWithLogits(const Plan &P, const Sizes &Shape,
                          const TensorView &Target, const LossOptions &Opts,
                          const ComputeArgs<T> &Args) {
  const int64_t Elements = numel(Shape);
  const bool Unreduced = P.Reduce == Reduction::None;
  const bool Mean = P.Reduce == Reduction::Mean;
  std::vector<double> &Loss = *Args.Loss;
  Loss.assign(Unreduced ? Elements : 1, 0.0);
  std::vector<double> Weight, PosWeight;
  if (Opts.Weight)
    Weight = expandTo<double>(*Opts.Weight, Shape);
  if (Opts.PosWeight)
    PosWeight = expandTo<double>(*Opts.PosWeight, Shape);

  // The dtypes of the intermediate tensors.
  const ScalarType In =
      sizeof(T) == sizeof(float) ? ScalarType::Float : ScalarType::Double;
  const ScalarType Tg = Target.Dtype;
  const ScalarType Pw = Opts.PosWeight ? Opts.PosWeight->Dtype : Tg;
  const ScalarType LogWeight = promoteTypes(Pw, Tg);
  const ScalarType GradType =
      PosWeight.empty() ? promoteTypes(In, Tg) : LogWeight;
  auto R = [](ScalarType D, double V) { return roundTo(D, V); };

  double Total = 0;
  for (int64_t I = 0; I < Elements; ++I) {
    const double X = Args.Input[I], Y = readDouble(Target, I);
    const double M = -X < 0 ? 0 : -X; // clamp_min keeps NaN
    const double Log = R(
        In,
        std::log(R(In, R(In, std::exp(-M)) + R(In, std::exp(R(In, -X - M))))));
    const double Linear = R(Tg, R(Tg, 1 - Y) * X);
    double Value;
    if (PosWeight.empty()) {
      Value = R(Tg, R(Tg, Linear + M) + Log);
    } else {
      double Lw = R(LogWeight, R(LogWeight, R(Pw, PosWeight[I] - 1) * Y) + 1);
      Value = R(Tg, Linear + R(LogWeight, Lw * R(In, Log + M)));
    }
    if (!Weight.empty())
      Value = R(Tg, Value * Weight[I]);
    Total += Value;
    if (Unreduced)
      Loss[I] = Value;
    if (!Args.Grad)
      continue;

    const double Upstream =
        Unreduced ? (*Args.Upstream)[I] : (*Args.Upstream)[0];
    const double Sigmoid = R(In, 1 / R(In, 1 + R(In, std::exp(-X))));
    double Grad;
    if (PosWeight.empty()) {
      Grad = R(GradType, Sigmoid - Y);
    } else {
      double Weighted = R(GradType, PosWeight[I] * Y);
      Grad = R(GradType, R(GradType, Weighted + 1) - Y);
      Grad = R(GradType, R(GradType, Grad * Sigmoid) - Weighted);
    }
    Grad = R(GradType, Grad * Upstream);
    if (!Weight.empty())
      Grad = R(GradType, Grad * Weight[I]);
    if (Mean)
      Grad = R(GradType, Grad / Elements);
    Args.Grad[I] = static_cast<T>(Grad);
  }
  if (!Unreduced)
    Loss[0] = !Mean           ? Total
              : Elements == 0 ? std::numeric_limits<double>::quiet_NaN()
                              : Total / Elements;
}

template void computeBceWithLogits<float>(const Plan &, const Sizes &,
                                          const TensorView &,
                                          const LossOptions &,
                                          const ComputeArgs<float> &);
template void computeBceWithLogits<double>(const Plan &, const Sizes &,
                                           const TensorView &,
                                           const LossOptions &,
                                           const ComputeArgs<double> &);

} // namespace torchlint::kernel::detail
