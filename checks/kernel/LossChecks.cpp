//===--- LossChecks.cpp - LibTorch's argument checks, in ATen's order -----===//
//
// Each member function below mirrors one ATen function and checks what it
// checks, in its order; the comments name the ATen function. Messages are
// LibTorch 1.13's, verified against libtorch-dev by the differential test.
//
//===----------------------------------------------------------------------===//

#include "LossChecks.h"

#include <algorithm>
#include <type_traits>

namespace torchlint::kernel::detail {
namespace {

int64_t dim(const TensorView &V) {
  return static_cast<int64_t>(V.Sizes.size());
}

bool hasValues(const TensorView &V) { return V.Data != nullptr; }

/// target.sizes()[0] as the frontend and nll_loss_nd read it: unchecked, so a
/// 0-dim target reads past its empty size list, which holds 0 in practice.
int64_t batchOf(const TensorView &Target) {
  return Target.Sizes.empty() ? 0 : Target.Sizes[0];
}

/// Class indices without weights, the common case, in one branch-free pass
/// that vectorises (AVX-512 compares 64-bit integers) and writes nothing:
/// counts the rows ignore_index drops; false if a row is out of bounds.
template <typename Index>
TORCHLINT_VECTOR_CLONES bool countDropped(const Index *Classes, int64_t Rows,
                                          int64_t Ignored, int64_t Count,
                                          int64_t &Dropped) {
  int64_t Bad = 0, Drops = 0;
  for (int64_t R = 0; R < Rows; ++R) {
    int64_t Class = Classes[R];
    bool Drop = Class == Ignored;
    Bad |= !Drop & (static_cast<uint64_t>(Class) >= uint64_t(Count));
    Drops += Drop;
  }
  Dropped = Drops;
  return !Bad;
}

std::string batchMismatch(int64_t Input, int64_t Target) {
  return "Expected input batch_size (" + std::to_string(Input) +
         ") to match target batch_size (" + std::to_string(Target) + ").";
}

class Checker {
public:
  Checker(const TensorView &In, const TensorView &Tg, const LossOptions &Opts,
          Plan &P, LossInfo &Info)
      : In(In), Tg(Tg), Opts(Opts), W(Opts.Weight ? &*Opts.Weight : nullptr),
        P(P), Info(Info) {}

  bool crossEntropy();
  bool nllLossFrontend();
  bool bceWithLogits();

  /// A failure of backward() on a call whose forward pass succeeds.
  std::string BackwardError;

private:
  bool fail(std::string Message) {
    Info.Code = Status::TorchError;
    Info.Message = std::move(Message);
    return false;
  }

  bool probabilities();
  bool logSoftmax();
  bool nllLossNd();
  bool nllLoss(const Sizes &InSizes);
  bool nllLoss2d(const Sizes &In4, const Sizes &Tg3);
  bool targetClasses(bool LimitedToLong, bool PrintsByteAsChar);
  /// Fills RowClass and TotalWeight; returns the first row out of bounds, or
  /// -1.
  template <typename Index>
  int64_t scanClasses(const Index *Classes, int64_t Rows);
  bool labelSmoothing();
  bool checkWeightDtype();

  const TensorView &In, &Tg;
  const LossOptions &Opts;
  const TensorView *W;
  Plan &P;
  LossInfo &Info;
};

// at::native::cross_entropy_loss.
bool Checker::crossEntropy() {
  Info.LossDtype = Info.GradDtype = In.Dtype;
  if (In.Sizes == Tg.Sizes)
    return probabilities();
  if (Opts.LabelSmoothing > 0.0) {
    if (!(Opts.LabelSmoothing <= 1.0))
      return fail("label_smoothing must be between 0.0 and 1.0. Got: " +
                  formatDouble(Opts.LabelSmoothing));
    return logSoftmax() && nllLossNd() && labelSmoothing();
  }
  return logSoftmax() && nllLossNd();
}

// cross_entropy_loss's soft-target branch and cross_entropy_loss_prob_target.
bool Checker::probabilities() {
  if (!isFloating(Tg.Dtype))
    return fail("Expected floating point type for target with class "
                "probabilities, got " +
                std::string(scalarTypeName(Tg.Dtype)));
  if (!(Opts.IgnoreIndex < 0))
    return fail("ignore_index is not supported for floating point target");
  if (dim(In) == 0)
    return fail("Dimension specified as 1 but tensor has no dimensions");
  int64_t ClassDim = dim(In) == 1 ? 0 : 1;
  int64_t Classes = In.Sizes[ClassDim];
  if (W && !(dim(*W) == 1 && numel(W->Sizes) == Classes))
    return fail("cross_entropy: weight tensor should be defined either for "
                "all " +
                std::to_string(Classes) +
                " classes or no classes but got weight tensor of shape: " +
                formatSizes(W->Sizes));
  if (!logSoftmax())
    return false;
  if (Opts.LabelSmoothing > 0.0) {
    if (!(Opts.LabelSmoothing <= 1.0))
      return fail("label_smoothing must be between 0.0 and 1.0. Got: " +
                  formatDouble(Opts.LabelSmoothing));
    P.LabelSmoothing = Opts.LabelSmoothing;
  }
  // -(log_softmax(input) * target * weight) promotes all three.
  Info.LossDtype = promoteTypes(In.Dtype, Tg.Dtype);
  if (W)
    Info.LossDtype = promoteTypes(Info.LossDtype, W->Dtype);
  P.Kind = CeKind::Probabilities;
  P.Outer = dim(In) == 1 ? 1 : In.Sizes[0];
  P.Classes = Classes;
  P.Inner = 1;
  for (int64_t D = ClassDim + 1; D < dim(In); ++D)
    P.Inner *= In.Sizes[D];
  if (P.Reduce == Reduction::None) {
    Info.LossSizes = In.Sizes;
    Info.LossSizes.erase(Info.LossSizes.begin() + ClassDim);
  }
  if (W && hasValues(*W))
    for (int64_t C = 0; C < Classes; ++C)
      P.ClassWeight.push_back(readDouble(*W, C));
  return true;
}

// at::log_softmax(input, class_dim) as cross_entropy calls it.
bool Checker::logSoftmax() {
  if (dim(In) == 0)
    return fail("Dimension out of range (expected to be in range of [-1, 0], "
                "but got 1)");
  // An empty input returns before the kernel dispatches on its dtype.
  if (numel(In.Sizes) == 0 || In.Dtype == ScalarType::Float ||
      In.Dtype == ScalarType::Double || In.Dtype == ScalarType::BFloat16)
    return true;
  bool ClassDimIsLast = dim(In) <= 2;
  return fail(notImplemented(ClassDimIsLast ? "log_softmax_lastdim_kernel_impl"
                                            : "softmax_kernel_impl",
                             In.Dtype));
}

// The frontend's detail::nll_loss, before it calls nll_loss_nd.
bool Checker::nllLossFrontend() {
  Info.LossDtype = Info.GradDtype = In.Dtype;
  if (dim(In) < 2)
    return fail("Expected 2 or more dimensions (got " +
                std::to_string(dim(In)) + ")");
  if (In.Sizes[0] != batchOf(Tg))
    return fail(batchMismatch(In.Sizes[0], batchOf(Tg)));
  return nllLossNd();
}

// at::native::nll_loss_nd: 1-D and 2-D inputs go to nll_loss, 4-D ones to
// nll_loss2d, others are reshaped to 4-D first.
bool Checker::nllLossNd() {
  if (dim(In) != 1 && In.Sizes[0] != batchOf(Tg))
    return fail(batchMismatch(In.Sizes[0], batchOf(Tg)));
  if (dim(In) <= 2)
    return nllLoss(In.Sizes);
  if (dim(In) == 4) {
    if (P.Reduce == Reduction::None && dim(Tg) == 3)
      Info.LossSizes = Tg.Sizes;
    return nllLoss2d(In.Sizes, Tg.Sizes);
  }
  int64_t N = In.Sizes[0], Classes = In.Sizes[1];
  Sizes Expected(In.Sizes.begin() + 2, In.Sizes.end());
  Expected.insert(Expected.begin(), N);
  // A 0-dim target's sizes().slice(1) never equals the input's.
  if (Tg.Sizes.empty() || !std::equal(Tg.Sizes.begin() + 1, Tg.Sizes.end(),
                                      In.Sizes.begin() + 2, In.Sizes.end()))
    return fail("Expected target size " + formatSizes(Expected) + ", got " +
                formatSizes(Tg.Sizes));
  int64_t InputElements = numel(In.Sizes), TargetElements = numel(Tg.Sizes);
  Sizes In4 = InputElements > 0
                  ? Sizes{N, Classes, 1, InputElements / (N * Classes)}
                  : Sizes{N, Classes, 0, 0};
  Sizes Tg3 =
      TargetElements > 0 ? Sizes{N, 1, TargetElements / N} : Sizes{N, 0, 0};
  if (P.Reduce == Reduction::None)
    Info.LossSizes = Expected;
  return nllLoss2d(In4, Tg3);
}

// The weight's dtype, as nll_loss's kernels read weight.data_ptr<scalar_t>().
bool Checker::checkWeightDtype() {
  if (W && W->Dtype != In.Dtype)
    return fail(expectedScalarType(In.Dtype, W->Dtype));
  if (W && hasValues(*W))
    for (int64_t C = 0; C < P.Classes; ++C)
      P.ClassWeight.push_back(readDouble(*W, C));
  return true;
}

// TORCH_META_FUNC(nll_loss_forward), then nll_loss_out_frame.
bool Checker::nllLoss(const Sizes &InSizes) {
  if (dim(Tg) > 1)
    return fail("0D or 1D target tensor expected, multi-target not supported");
  bool NoBatchDim = InSizes.size() == 1 && dim(Tg) == 0;
  if (!NoBatchDim) {
    if (dim(Tg) == 0)
      return fail("Dimension specified as 0 but tensor has no dimensions");
    if (InSizes[0] != Tg.Sizes[0])
      return fail("size mismatch (got input: " + formatSizes(InSizes) +
                  ", target: " + formatSizes(Tg.Sizes) + ")");
  }
  int64_t Classes = InSizes.back();
  if (W && !(dim(*W) == 1 && numel(W->Sizes) == Classes))
    return fail("weight tensor should be defined either for all " +
                std::to_string(Classes) +
                " classes or no classes but got weight tensor of shape: " +
                formatSizes(W->Sizes));
  if (In.Dtype != ScalarType::Float && In.Dtype != ScalarType::Double &&
      In.Dtype != ScalarType::BFloat16)
    return fail(notImplemented("nll_loss_out_frame", In.Dtype));
  P.Outer = InSizes.size() == 2 ? InSizes[0] : 1;
  P.Classes = Classes;
  P.Inner = 1;
  if (!checkWeightDtype())
    return false;
  bool Batched = InSizes.size() == 2;
  if (P.Reduce == Reduction::None && Batched)
    Info.LossSizes = {InSizes[0]};
  // Only the unreduced batched loop keeps the target's own type, uint8_t,
  // which c10::str prints as a character.
  return targetClasses(/*LimitedToLong=*/false,
                       /*PrintsByteAsChar=*/P.Reduce == Reduction::None &&
                           Batched);
}

// check_inputs_nll_loss2d, then nll_loss2d_forward_out_frame.
bool Checker::nllLoss2d(const Sizes &In4, const Sizes &Tg3) {
  if (Tg3.size() != 3)
    return fail("only batches of spatial targets supported (3D tensors) but "
                "got targets of dimension: " +
                std::to_string(Tg3.size()));
  if (W && numel(W->Sizes) != In4[1])
    return fail("weight tensor should be defined either for all or no "
                "classes");
  if (In4[0] != Tg3[0] || In4[2] != Tg3[1] || In4[3] != Tg3[2])
    return fail("size mismatch (got input: " + formatSizes(In4) +
                " , target: " + formatSizes(Tg3));
  if (In.Dtype != ScalarType::Float && In.Dtype != ScalarType::Double &&
      In.Dtype != ScalarType::BFloat16)
    return fail(notImplemented("nll_loss2d_forward_out_frame", In.Dtype));
  P.Outer = In4[0];
  P.Classes = In4[1];
  P.Inner = In4[2] * In4[3];
  if (!checkWeightDtype())
    return false;
  return targetClasses(/*LimitedToLong=*/true, /*PrintsByteAsChar=*/false);
}

// The loop over the targets of nll_loss's kernels: the dtype check of
// target.data_ptr(), the bounds, and the total weight.
bool Checker::targetClasses(bool LimitedToLong, bool PrintsByteAsChar) {
  bool DtypeOk = Tg.Dtype == ScalarType::Long ||
                 (!LimitedToLong && Tg.Dtype == ScalarType::Byte);
  int64_t Rows = numel(Tg.Sizes);
  // The reducing kernels return early on an empty target, before they touch
  // its data; backward() always does.
  if (P.Reduce != Reduction::None && Rows == 0) {
    if (!DtypeOk)
      BackwardError = expectedScalarType(ScalarType::Long, Tg.Dtype);
    return true;
  }
  if (!DtypeOk)
    return fail(expectedScalarType(ScalarType::Long, Tg.Dtype));
  if (!hasValues(Tg))
    return true;
  // Typed loops: this pass runs on every confirmation, over every row.
  int64_t Bad = Tg.Dtype == ScalarType::Long
                    ? scanClasses(static_cast<const int64_t *>(Tg.Data), Rows)
                    : scanClasses(static_cast<const uint8_t *>(Tg.Data), Rows);
  if (Bad < 0)
    return true;
  int64_t Class = readInteger(Tg, Bad);
  std::string Printed = PrintsByteAsChar && Tg.Dtype == ScalarType::Byte
                            ? std::string(1, static_cast<char>(Class))
                            : std::to_string(Class);
  return fail("Target " + Printed + " is out of bounds.");
}

template <typename Index>
int64_t Checker::scanClasses(const Index *Classes, int64_t Rows) {
  const int64_t Ignored = Opts.IgnoreIndex, Count = P.Classes;
  RowClasses &RowClass = P.RowClass;
  RowClass.Count = Rows;
  // Without weights the total weight is the count (exact below 2^53 rows),
  // and an int64 target with no row dropped is its own RowClass; the loop
  // below only finds the first row out of bounds.
  int64_t Dropped;
  if (P.ClassWeight.empty() &&
      countDropped(Classes, Rows, Ignored, Count, Dropped)) {
    P.TotalWeight = static_cast<double>(Rows - Dropped);
    if constexpr (std::is_same_v<Index, int64_t>) {
      if (Dropped == 0) {
        RowClass.Values = Classes;
        return -1;
      }
    }
    RowClass.Storage.resize(Rows);
    for (int64_t R = 0; R < Rows; ++R)
      RowClass.Storage[R] = Classes[R] == Ignored ? -1 : Classes[R];
    RowClass.Values = RowClass.Storage.data();
    return -1;
  }
  RowClass.Storage.resize(Rows);
  RowClass.Values = RowClass.Storage.data();
  double Total = 0;
  for (int64_t R = 0; R < Rows; ++R) {
    int64_t Class = Classes[R];
    if (Class == Ignored) {
      RowClass.Storage[R] = -1;
      continue;
    }
    if (Class < 0 || Class >= Count)
      return R;
    RowClass.Storage[R] = Class;
    Total += P.ClassWeight.empty() ? 1.0 : P.ClassWeight[Class];
  }
  P.TotalWeight = Total;
  return -1;
}

// The rest of cross_entropy_loss_label_smoothing, after its nll_loss_nd.
bool Checker::labelSmoothing() {
  P.Kind = CeKind::Smoothed;
  P.LabelSmoothing = Opts.LabelSmoothing;
  int64_t ClassDim = dim(In) == 1 ? 0 : 1;
  if (W) {
    // weight.view() with weight.size(0) at the class dimension.
    if (dim(*W) == 0)
      return fail("Dimension specified as 0 but tensor has no dimensions");
    Sizes View(In.Sizes.size(), 1);
    View[ClassDim] = W->Sizes[0];
    if (numel(W->Sizes) != W->Sizes[0])
      return fail("shape '" + formatSizes(View) +
                  "' is invalid for input of size " +
                  std::to_string(numel(W->Sizes)));
  }
  // The smoothing mask compares in the target's dtype: a Byte target meets
  // ignore_index cast to uint8.
  bool ByteTarget = Tg.Dtype == ScalarType::Byte;
  int64_t Ignored = ByteTarget ? (Opts.IgnoreIndex & 0xff) : Opts.IgnoreIndex;
  int64_t Kept = P.RowClass.size();
  if (!P.RowClass.empty()) {
    Kept = 0;
    P.SmoothKeep.resize(P.RowClass.size());
    for (std::size_t R = 0; R < P.RowClass.size(); ++R) {
      bool Keep = readInteger(Tg, R) != Ignored;
      P.SmoothKeep[R] = Keep;
      if (!Keep)
        continue;
      ++Kept;
      // A row nll_loss ignores has the uint8 value of ignore_index, so the
      // mask drops it too: a kept row holds a checked class.
      int64_t Class = P.RowClass[R];
      P.SmoothTotal += P.ClassWeight.empty() ? 1.0 : P.ClassWeight[Class];
    }
  } else if (!hasValues(Tg)) {
    Kept = numel(Tg.Sizes);
  }
  // weight.gather(0, target.masked_select(~ignore_mask)) checks a non-empty
  // index only.
  if (P.Reduce == Reduction::Mean && W && Kept > 0) {
    if (Tg.Dtype != ScalarType::Long)
      return fail("gather(): Expected dtype int64 for index");
    if (dim(*W) != 1)
      return fail("Index tensor must have the same number of dimensions as "
                  "input tensor");
  }
  return true;
}

// The frontend's detail::binary_cross_entropy_with_logits, then ATen's
// binary_cross_entropy_with_logits, whose tensor expressions raise in the
// order they are evaluated.
bool Checker::bceWithLogits() {
  Info.LossDtype = Tg.Dtype;
  Info.GradDtype = In.Dtype;
  if (Tg.Sizes != In.Sizes)
    return fail("Target size (" + formatSizes(Tg.Sizes) +
                ") must be the same as input size (" + formatSizes(In.Sizes) +
                ")");
  // max_val = (-input).clamp_min_(0)
  if (In.Dtype == ScalarType::Bool)
    return fail("Negation, the `-` operator, on a bool tensor is not "
                "supported. If you are trying to invert a mask, use the `~` or "
                "`logical_not()` operator instead.");
  if (In.Dtype == ScalarType::Half)
    return fail(notImplemented("clamp_min_cpu", In.Dtype));
  std::string Message;
  P.LogWeightShape = In.Sizes;
  const TensorView *PosWeight = Opts.PosWeight ? &*Opts.PosWeight : nullptr;
  if (PosWeight) {
    // log_weight = (pos_weight - 1).mul(target).add_(1)
    if (PosWeight->Dtype == ScalarType::Bool)
      return fail("Subtraction, the `-` operator, with a bool tensor is not "
                  "supported. If you are trying to invert a mask, use the `~` "
                  "or `logical_not()` operator instead.");
    std::optional<Sizes> Shape =
        broadcastShapes(PosWeight->Sizes, Tg.Sizes, Message);
    if (!Shape)
      return fail(Message);
    P.LogWeightShape = *Shape;
  }
  // (1 - target).mul_(input)
  if (Tg.Dtype == ScalarType::Bool)
    return fail("Subtraction, the `-` operator, with two bool tensors is not "
                "supported. Use the `^` or `logical_xor()` operator instead.");
  if (isIntegral(Tg.Dtype) && isFloating(In.Dtype))
    return fail(std::string("result type ") +
                scalarTypeName(promoteTypes(Tg.Dtype, In.Dtype)) +
                " can't be cast to the desired output type " +
                scalarTypeName(Tg.Dtype));
  // (-max_val).exp_()
  if (isIntegral(In.Dtype))
    return fail(std::string("result type Float can't be cast to the desired "
                            "output type ") +
                scalarTypeName(In.Dtype));
  // loss.add_(log_weight.mul_(...)) and loss.mul_(weight) are in place: the
  // broadcast shape must be the loss's own.
  auto InPlace = [&](const Sizes &Other, bool OtherIsA) {
    std::optional<Sizes> Shape =
        OtherIsA ? broadcastShapes(Other, In.Sizes, Message)
                 : broadcastShapes(In.Sizes, Other, Message);
    if (!Shape)
      return fail(Message);
    if (*Shape != In.Sizes)
      return fail("output with shape " + formatSizes(In.Sizes) +
                  " doesn't match the broadcast shape " + formatSizes(*Shape));
    return true;
  };
  if (PosWeight && !InPlace(P.LogWeightShape, /*OtherIsA=*/false))
    return false;
  if (W && !InPlace(W->Sizes, /*OtherIsA=*/false))
    return false;
  if (P.Reduce == Reduction::None)
    Info.LossSizes = In.Sizes;
  return true;
}

} // namespace

LossInfo planLoss(LossFunction F, const TensorView &Input,
                  const TensorView &Target, const LossOptions &Opts, Plan &P) {
  LossInfo Info;
  P = Plan();
  P.Function = F;
  P.Reduce = Opts.Reduce;
  Checker C(Input, Target, Opts, P, Info);
  bool Passed = false;
  switch (F) {
  case LossFunction::CrossEntropy:
    Passed = C.crossEntropy();
    break;
  case LossFunction::NllLoss:
    Passed = C.nllLossFrontend();
    break;
  case LossFunction::BceWithLogits:
    Passed = C.bceWithLogits();
    break;
  }
  if (Passed && !C.BackwardError.empty()) {
    Info.Code = Status::TorchError;
    Info.Message = C.BackwardError;
    Info.InBackward = true;
  }
  return Info;
}

} // namespace torchlint::kernel::detail
