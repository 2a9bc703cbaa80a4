//===--- LossKernel.cpp - The kernel's public entry points ----------------===//
//
// Validates the call itself (views, options, output buffers), lets
// planLoss replay LibTorch's checks, and runs the arithmetic in the input's
// precision.
//
//===----------------------------------------------------------------------===//

#include "LossKernel.h"
#include "Compute.h"

#include <cstdint>

namespace torchlint::kernel {
namespace {

using namespace detail;

/// Far beyond any tensor that fits in memory, and small enough that sizes
/// multiply without overflow.
constexpr int64_t MaxElements = int64_t(1) << 60;
constexpr std::size_t MaxDims = 64;

LossInfo invalid(std::string Message) {
  LossInfo Info;
  Info.Code = Status::InvalidArgument;
  Info.Message = std::move(Message);
  return Info;
}

bool aligned(const void *Data, ScalarType T) {
  return reinterpret_cast<std::uintptr_t>(Data) % elementSize(T) == 0;
}

/// Why \p V cannot be read safely, or "".
std::string badView(const TensorView &V, const char *Name, bool NeedsData) {
  std::string Prefix = std::string(Name) + ": ";
  if (elementSize(V.Dtype) == 0)
    return Prefix + "unknown dtype";
  if (V.Sizes.size() > MaxDims)
    return Prefix + "more than 64 dimensions";
  int64_t Elements = 1;
  for (int64_t Size : V.Sizes) {
    if (Size < 0)
      return Prefix + "negative size in " + formatSizes(V.Sizes);
    if (Size > 0 && Elements > MaxElements / Size)
      return Prefix + "sizes " + formatSizes(V.Sizes) + " are too large";
    Elements *= Size;
  }
  if (!V.Data)
    return NeedsData && Elements > 0 ? Prefix + "no data" : "";
  if (V.NumElements != Elements)
    return Prefix + "sizes " + formatSizes(V.Sizes) + " need " +
           std::to_string(Elements) + " elements, the data has " +
           std::to_string(V.NumElements);
  if (!aligned(V.Data, V.Dtype))
    return Prefix + "data is not aligned for " + scalarTypeName(V.Dtype);
  return "";
}

/// Why the arguments are not a well-formed call of \p F, or "".
std::string badArguments(LossFunction F, const TensorView &Input,
                         const TensorView &Target, const LossOptions &Opts,
                         bool NeedsData) {
  if (Opts.Reduce != Reduction::None && Opts.Reduce != Reduction::Mean &&
      Opts.Reduce != Reduction::Sum)
    return "unknown reduction";
  if (Opts.Threads < 1)
    return "threads must be at least 1";
  if (F != LossFunction::BceWithLogits && Opts.PosWeight)
    return "pos_weight is an option of binary_cross_entropy_with_logits only";
  if (F != LossFunction::CrossEntropy && Opts.LabelSmoothing != 0.0)
    return "label_smoothing is an option of cross_entropy only";
  if (F == LossFunction::BceWithLogits && Opts.IgnoreIndex != -100)
    return "binary_cross_entropy_with_logits has no ignore_index";
  std::string Why = badView(Input, "input", NeedsData);
  if (Why.empty())
    Why = badView(Target, "target", NeedsData);
  if (Why.empty() && Opts.Weight)
    Why = badView(*Opts.Weight, "weight", NeedsData);
  if (Why.empty() && Opts.PosWeight)
    Why = badView(*Opts.PosWeight, "pos_weight", NeedsData);
  if (Why.empty() && Opts.GradOutput)
    Why = badView(*Opts.GradOutput, "grad_output", true);
  return Why;
}

/// The upstream gradient: one value per loss element, or one for a reduced
/// loss.
bool upstream(const LossOptions &Opts, const LossInfo &Info,
              std::vector<double> &Values, std::string &Why) {
  if (!Opts.GradOutput) {
    Values.assign(static_cast<std::size_t>(numel(Info.LossSizes)), 1.0);
    return true;
  }
  const TensorView &G = *Opts.GradOutput;
  if (G.Sizes != Info.LossSizes) {
    Why = "grad_output has sizes " + formatSizes(G.Sizes) + ", the loss has " +
          formatSizes(Info.LossSizes);
    return false;
  }
  Values.resize(static_cast<std::size_t>(numel(G.Sizes)));
  for (std::size_t I = 0; I < Values.size(); ++I)
    Values[I] = readDouble(G, I);
  return true;
}

template <typename T>
void computeTyped(LossFunction F, const Plan &P, const TensorView &Input,
                  const TensorView &Target, const LossOptions &Opts, T *Grad,
                  const std::vector<double> &Upstream,
                  std::vector<double> &Loss) {
  ComputeArgs<T> Args;
  Args.Input = static_cast<const T *>(Input.Data);
  Args.Grad = Grad;
  Args.Upstream = &Upstream;
  Args.Loss = &Loss;
  Args.Threads = Opts.Threads;
  switch (F) {
  case LossFunction::CrossEntropy:
    computeCrossEntropy(P, Target, Args);
    break;
  case LossFunction::NllLoss:
    computeNllLoss(P, Args);
    break;
  case LossFunction::BceWithLogits:
    computeBceWithLogits(P, Input.Sizes, Target, Opts, Args);
    break;
  }
}

bool isFloatOrDouble(ScalarType T) {
  return T == ScalarType::Float || T == ScalarType::Double;
}

/// Checks and computes. The gradient goes to \p Out's buffer when there is
/// one, else to \p Result; the loss values come back in \p Loss.
LossInfo run(LossFunction F, const TensorView &Input, const TensorView &Target,
             const LossOptions &Opts, const LossOutputs *Out,
             LossResult *Result, std::vector<double> &Loss) {
  std::string Why = badArguments(F, Input, Target, Opts, /*NeedsData=*/true);
  if (!Why.empty())
    return invalid(Why);
  Plan P;
  LossInfo Info = planLoss(F, Input, Target, Opts, P);
  if (!Info.ok() && !Info.InBackward)
    return Info;
  // LibTorch computes these in 16-bit floating point, or not on a gradient.
  if (!isFloatOrDouble(Input.Dtype) || !isFloatOrDouble(Info.LossDtype)) {
    if (Info.InBackward) // the error is known, the loss is not
      return Info;
    Info.Code = Status::Unsupported;
    Info.Message =
        std::string("the kernel computes in float and double, not ") +
        scalarTypeName(isFloatOrDouble(Input.Dtype) ? Info.LossDtype
                                                    : Input.Dtype);
    return Info;
  }
  std::vector<double> Upstream;
  if (!upstream(Opts, Info, Upstream, Why))
    return invalid(Why);
  const int64_t GradElements = numel(Input.Sizes);
  const bool Backward =
      !Info.InBackward && (Result || (Out && Out->Grad != nullptr));
  if (Out) {
    int64_t LossElements = numel(Info.LossSizes);
    if ((LossElements > 0 && !Out->Loss) || Out->LossCapacity < LossElements ||
        !aligned(Out->Loss, Info.LossDtype))
      return invalid("the loss buffer is missing, too small or misaligned");
    if (Backward && (Out->GradCapacity < GradElements ||
                     !aligned(Out->Grad, Info.GradDtype)))
      return invalid("the gradient buffer is too small or misaligned");
  }

  if (Input.Dtype == ScalarType::Float) {
    std::vector<float> Scratch;
    float *Grad = nullptr;
    if (Backward && Out) {
      Grad = static_cast<float *>(Out->Grad);
    } else if (Backward) {
      Scratch.resize(GradElements);
      Grad = Scratch.data();
    }
    computeTyped(F, P, Input, Target, Opts, Grad, Upstream, Loss);
    if (Result && Backward)
      Result->Grad.assign(Scratch.begin(), Scratch.end());
  } else {
    std::vector<double> Scratch;
    double *Grad = nullptr;
    if (Backward && Out) {
      Grad = static_cast<double *>(Out->Grad);
    } else if (Backward) {
      Scratch.resize(GradElements);
      Grad = Scratch.data();
    }
    computeTyped(F, P, Input, Target, Opts, Grad, Upstream, Loss);
    if (Result && Backward)
      Result->Grad = std::move(Scratch);
  }
  // The loss is stored in its dtype, as LibTorch rounds it.
  for (double &Value : Loss)
    if (Info.LossDtype == ScalarType::Float)
      Value = static_cast<float>(Value);
  if (Out) {
    for (std::size_t I = 0; I < Loss.size(); ++I) {
      if (Info.LossDtype == ScalarType::Float)
        static_cast<float *>(Out->Loss)[I] = static_cast<float>(Loss[I]);
      else
        static_cast<double *>(Out->Loss)[I] = Loss[I];
    }
  }
  return Info;
}

} // namespace

LossInfo checkLoss(LossFunction F, const TensorView &Input,
                   const TensorView &Target, const LossOptions &Opts) {
  std::string Why = badArguments(F, Input, Target, Opts, /*NeedsData=*/false);
  if (!Why.empty())
    return invalid(Why);
  Plan P;
  return planLoss(F, Input, Target, Opts, P);
}

LossInfo computeLossInto(LossFunction F, const TensorView &Input,
                         const TensorView &Target, const LossOptions &Opts,
                         const LossOutputs &Out) {
  std::vector<double> Loss;
  return run(F, Input, Target, Opts, &Out, nullptr, Loss);
}

LossResult computeLoss(LossFunction F, const TensorView &Input,
                       const TensorView &Target, const LossOptions &Opts) {
  LossResult Result;
  std::vector<double> Loss;
  static_cast<LossInfo &>(Result) =
      run(F, Input, Target, Opts, nullptr, &Result, Loss);
  if (Result.ok() || Result.InBackward)
    Result.Loss = std::move(Loss);
  return Result;
}

} // namespace torchlint::kernel
