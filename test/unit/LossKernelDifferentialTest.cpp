//===--- LossKernelDifferentialTest.cpp - The kernel against LibTorch -----===//
//
// Runs seeded random calls of cross_entropy, nll_loss and
// binary_cross_entropy_with_logits through LibTorch 1.13 (the C++ frontend,
// with autograd for the gradient) and through the bundled kernel, and
// requires the same outcome:
//
// - both raise, with the same message (the first line of c10::Error's
//   what_without_backtrace()) at the same stage, forward or backward;
// - or both return, with the same loss shape and dtype, and the loss and the
//   gradient of the input equal within RelTol = 1e-5 when any of the
//   computation is in float (1e-12 in double):
//
//     |kernel - torch| <= RelTol * (|torch| + max |torch| + Terms)
//
//   The last two make the absolute floor for values near zero. max |torch| is
//   over the compared tensor. Terms is the size of the terms the value is
//   computed from: the largest weight and target (and the upstream gradient,
//   for the gradient) over the mean's denominator. A loss log(1 + e) or a
//   gradient entry softmax - 1 cancels terms that large, and LibTorch's own
//   rounding is relative to them. NaN must meet NaN, and an infinity the same
//   infinity.
//
// The kernel may decline to compute (Half and BFloat16 arithmetic) only where
// LibTorch returns.
//
//===----------------------------------------------------------------------===//

#include "LossKernel.h"

#include "gtest/gtest.h"
#include <torch/torch.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>

namespace kernel = torchlint::kernel;
namespace F = torch::nn::functional;

namespace {

/// One call, as tensors.
struct Case {
  kernel::LossFunction Function = kernel::LossFunction::CrossEntropy;
  torch::Tensor Input, Target, Weight, PosWeight;
  kernel::Reduction Reduce = kernel::Reduction::Mean;
  int64_t IgnoreIndex = -100;
  double LabelSmoothing = 0;
  /// Scale of a random upstream gradient; 0 for ones.
  double Upstream = 0;
  int Threads = 1;
  uint64_t Seed = 0;

  std::string describe() const;
};

std::string describeTensor(const char *Name, const torch::Tensor &T) {
  if (!T.defined())
    return "";
  std::string Sizes;
  for (int64_t D : T.sizes())
    Sizes += (Sizes.empty() ? "" : ",") + std::to_string(D);
  return std::string(" ") + Name + "=" +
         std::string(c10::toString(T.scalar_type())) + "[" + Sizes + "]";
}

std::string Case::describe() const {
  const char *Names[] = {"cross_entropy", "nll_loss",
                         "binary_cross_entropy_with_logits"};
  const char *Reductions[] = {"none", "mean", "sum"};
  return std::string(Names[static_cast<int>(Function)]) +
         describeTensor("input", Input) + describeTensor("target", Target) +
         describeTensor("weight", Weight) +
         describeTensor("pos_weight", PosWeight) +
         " reduction=" + Reductions[static_cast<int>(Reduce)] +
         " ignore_index=" + std::to_string(IgnoreIndex) +
         " label_smoothing=" + std::to_string(LabelSmoothing) +
         " threads=" + std::to_string(Threads) +
         " seed=" + std::to_string(Seed);
}

/// What a call did.
struct Outcome {
  bool Raised = false;
  std::string Message;
  bool InBackward = false;
  kernel::ScalarType LossDtype = kernel::ScalarType::Float;
  std::vector<int64_t> LossSizes;
  std::vector<double> Loss, Grad;
  double LossTerms = 0, GradTerms = 0;
};

std::string firstLine(const char *What) {
  std::string S(What);
  return S.substr(0, S.find('\n'));
}

std::vector<double> toDoubles(const torch::Tensor &T) {
  torch::Tensor D = T.detach().to(torch::kDouble).contiguous();
  return std::vector<double>(D.data_ptr<double>(),
                             D.data_ptr<double>() + D.numel());
}

/// The upstream gradient of a loss of \p Sizes, the same for both sides.
torch::Tensor upstreamFor(const Case &C, c10::IntArrayRef Sizes,
                          torch::ScalarType Dtype) {
  if (C.Upstream == 0)
    return torch::ones(Sizes, torch::dtype(Dtype));
  std::mt19937_64 Gen(C.Seed ^ 0x5eed);
  std::uniform_real_distribution<double> Value(-C.Upstream, C.Upstream);
  torch::Tensor G = torch::empty(Sizes, torch::dtype(torch::kDouble));
  double *Data = G.data_ptr<double>();
  for (int64_t I = 0; I < G.numel(); ++I)
    Data[I] = Value(Gen);
  return G.to(Dtype);
}

torch::Tensor torchLoss(const Case &C, const torch::Tensor &Input) {
  auto Reduction = [&](auto Options) {
    if (C.Reduce == kernel::Reduction::None)
      Options.reduction(torch::kNone);
    else if (C.Reduce == kernel::Reduction::Sum)
      Options.reduction(torch::kSum);
    else
      Options.reduction(torch::kMean);
    return Options;
  };
  switch (C.Function) {
  case kernel::LossFunction::CrossEntropy: {
    auto Options = Reduction(F::CrossEntropyFuncOptions()
                                 .ignore_index(C.IgnoreIndex)
                                 .label_smoothing(C.LabelSmoothing));
    if (C.Weight.defined())
      Options.weight(C.Weight);
    return F::cross_entropy(Input, C.Target, Options);
  }
  case kernel::LossFunction::NllLoss: {
    auto Options =
        Reduction(F::NLLLossFuncOptions().ignore_index(C.IgnoreIndex));
    if (C.Weight.defined())
      Options.weight(C.Weight);
    return F::nll_loss(Input, C.Target, Options);
  }
  case kernel::LossFunction::BceWithLogits: {
    auto Options = Reduction(F::BinaryCrossEntropyWithLogitsFuncOptions());
    if (C.Weight.defined())
      Options.weight(C.Weight);
    if (C.PosWeight.defined())
      Options.pos_weight(C.PosWeight);
    return F::binary_cross_entropy_with_logits(Input, C.Target, Options);
  }
  }
  return {};
}

double maxAbs(const torch::Tensor &T) {
  if (!T.defined() || T.numel() == 0)
    return 0;
  return T.detach()
      .to(torch::kDouble)
      .abs()
      .nan_to_num(0, 0, 0)
      .max()
      .item<double>();
}

/// The size of the terms a loss of \p C is computed from, per unit of
/// upstream gradient (see the top of the file).
double termScale(const Case &C, double MeanLoss) {
  double Terms =
      std::max(1.0, maxAbs(C.Weight)) * std::max(1.0, maxAbs(C.PosWeight));
  if (C.Target.is_floating_point())
    Terms *= std::max(1.0, maxAbs(C.Target));
  if (C.Reduce != kernel::Reduction::Mean)
    return Terms;
  // The mean's denominator, as the sum over the mean.
  Case Sum = C;
  Sum.Reduce = kernel::Reduction::Sum;
  double SumLoss = torchLoss(Sum, C.Input).item<double>();
  double Denominator = SumLoss / MeanLoss;
  bool Usable = std::isfinite(Denominator) && Denominator > 1;
  return Usable ? Terms / Denominator : Terms;
}

Outcome runTorch(const Case &C, torch::Tensor &UpstreamOut) {
  Outcome Out;
  torch::Tensor Input = C.Input.detach().clone();
  bool Differentiable = Input.is_floating_point();
  if (Differentiable)
    Input.requires_grad_(true);
  torch::Tensor Loss;
  try {
    Loss = torchLoss(C, Input);
  } catch (const c10::Error &E) {
    Out.Raised = true;
    Out.Message = firstLine(E.what_without_backtrace());
    return Out;
  } catch (const std::exception &E) {
    Out.Raised = true;
    Out.Message = firstLine(E.what());
    return Out;
  }
  Out.LossDtype = static_cast<kernel::ScalarType>(Loss.scalar_type());
  Out.LossSizes = Loss.sizes().vec();
  Out.Loss = toDoubles(Loss);
  UpstreamOut = upstreamFor(C, Loss.sizes(), Loss.scalar_type());
  if (!Differentiable)
    return Out;
  try {
    torch::Tensor Grad =
        torch::autograd::grad({Loss}, {Input}, {UpstreamOut})[0];
    Out.Grad = toDoubles(Grad);
    torch::NoGradGuard NoGrad;
    Out.LossTerms = termScale(C, Out.Loss.size() == 1 ? Out.Loss[0] : 1);
    Out.GradTerms = Out.LossTerms * maxAbs(UpstreamOut);
  } catch (const c10::Error &E) {
    Out.Raised = true;
    Out.InBackward = true;
    Out.Message = firstLine(E.what_without_backtrace());
  } catch (const std::exception &E) {
    Out.Raised = true;
    Out.InBackward = true;
    Out.Message = firstLine(E.what());
  }
  return Out;
}

kernel::TensorView view(const torch::Tensor &T) {
  return {static_cast<kernel::ScalarType>(T.scalar_type()), T.sizes().vec(),
          T.data_ptr(), T.numel()};
}

kernel::LossOptions kernelOptions(const Case &C) {
  kernel::LossOptions Opts;
  Opts.Reduce = C.Reduce;
  Opts.IgnoreIndex = C.IgnoreIndex;
  Opts.LabelSmoothing = C.LabelSmoothing;
  Opts.Threads = C.Threads;
  if (C.Weight.defined())
    Opts.Weight = view(C.Weight);
  if (C.PosWeight.defined())
    Opts.PosWeight = view(C.PosWeight);
  return Opts;
}

/// Counts of what the comparisons covered.
struct Tally {
  int Computed = 0, Raised = 0, RaisedInBackward = 0, Declined = 0;
  int NonFinite = 0;
  /// The messages seen, numbers and sizes blanked out, and how often.
  std::map<std::string, int> Messages;

  void raised(const std::string &Message) {
    std::string Kind;
    for (char Ch : Message)
      if (!std::isdigit(static_cast<unsigned char>(Ch)) || Kind.empty() ||
          Kind.back() != '#')
        Kind += std::isdigit(static_cast<unsigned char>(Ch)) ? '#' : Ch;
    ++Messages[Kind];
  }
  void print() const {
    for (const auto &[Kind, Count] : Messages)
      std::printf("  %5d  %s\n", Count, Kind.c_str());
  }
};

/// Compares one tensor; returns a description of the first mismatch, whose
/// index goes to \p At.
std::string compareValues(const std::vector<double> &Kernel,
                          const std::vector<double> &Torch, double RelTol,
                          double Terms = 0, std::size_t *At = nullptr) {
  if (Kernel.size() != Torch.size())
    return "sizes differ: " + std::to_string(Kernel.size()) + " vs " +
           std::to_string(Torch.size());
  double Scale = Terms;
  for (double V : Torch)
    if (std::isfinite(V))
      Scale = std::max(Scale, std::abs(V));
  for (std::size_t I = 0; I < Torch.size(); ++I) {
    double K = Kernel[I], T = Torch[I];
    bool Same = std::isnan(T) ? std::isnan(K)
                : std::isinf(T)
                    ? K == T
                    : std::isfinite(K) &&
                          std::abs(K - T) <= RelTol * (std::abs(T) + Scale);
    if (!Same) {
      if (At)
        *At = I;
      char Buf[160];
      std::snprintf(Buf, sizeof(Buf),
                    "element %zu: kernel %.17g, LibTorch %.17g", I, K, T);
      return Buf;
    }
  }
  return "";
}

/// Element \p At of \p T, if it has one, for a failure's message.
std::string valueAt(const torch::Tensor &T, std::size_t At) {
  if (static_cast<int64_t>(At) >= T.numel())
    return "-";
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%.9g", toDoubles(T)[At]);
  return Buf;
}

bool hasNonFinite(const std::vector<double> &Values) {
  for (double V : Values)
    if (!std::isfinite(V))
      return true;
  return false;
}

/// Runs \p C both ways and reports a difference as a test failure.
void compare(const Case &C, Tally &Count) {
  torch::Tensor Upstream;
  Outcome Torch = runTorch(C, Upstream);

  kernel::LossOptions Opts = kernelOptions(C);
  if (Upstream.defined())
    Opts.GradOutput = view(Upstream);
  kernel::TensorView Input = view(C.Input), Target = view(C.Target);
  kernel::LossResult Kernel =
      kernel::computeLoss(C.Function, Input, Target, Opts);
  // The shape-only check must tell the same story without the logits.
  kernel::TensorView Shape = Input;
  Shape.Data = nullptr;
  kernel::LossOptions CheckOpts = kernelOptions(C);
  kernel::LossInfo Checked =
      kernel::checkLoss(C.Function, Shape, Target, CheckOpts);

  SCOPED_TRACE(C.describe());
  ASSERT_NE(Kernel.Code, kernel::Status::InvalidArgument) << Kernel.Message;
  EXPECT_EQ(Checked.Code == kernel::Status::TorchError, Torch.Raised);
  // The kernel gives the whole message; it has two lines where LibTorch
  // prints a Byte target of 10 as a character.
  EXPECT_EQ(firstLine(Checked.Message.c_str()),
            Torch.Raised ? Torch.Message : "");
  if (Torch.Raised) {
    ASSERT_EQ(Kernel.Code, kernel::Status::TorchError);
    EXPECT_EQ(firstLine(Kernel.Message.c_str()), Torch.Message);
    EXPECT_EQ(Kernel.InBackward, Torch.InBackward);
    ++(Torch.InBackward ? Count.RaisedInBackward : Count.Raised);
    Count.raised(Torch.Message);
    return;
  }
  if (Kernel.Code == kernel::Status::Unsupported) {
    ++Count.Declined;
    return;
  }
  ASSERT_EQ(Kernel.Code, kernel::Status::Ok) << Kernel.Message;
  ++Count.Computed;
  Count.NonFinite += hasNonFinite(Torch.Loss) || hasNonFinite(Torch.Grad);
  EXPECT_EQ(Kernel.LossSizes, Torch.LossSizes);
  EXPECT_EQ(Kernel.LossDtype, Torch.LossDtype);
  EXPECT_EQ(Kernel.GradDtype,
            static_cast<kernel::ScalarType>(C.Input.scalar_type()));
  bool AllDouble = C.Input.scalar_type() == torch::kDouble &&
                   Torch.LossDtype == kernel::ScalarType::Double;
  double RelTol = AllDouble ? 1e-12 : 1e-5;
  EXPECT_EQ(compareValues(Kernel.Loss, Torch.Loss, RelTol, Torch.LossTerms), "")
      << "loss";
  std::size_t At = 0;
  std::string GradDiff =
      compareValues(Kernel.Grad, Torch.Grad, RelTol, Torch.GradTerms, &At);
  EXPECT_EQ(GradDiff, "") << "gradient; that input element "
                          << valueAt(C.Input, At) << ", target element "
                          << valueAt(C.Target, At);
}

//===----------------------------------------------------------------------===//
// Random calls
//===----------------------------------------------------------------------===//

class Generator {
public:
  explicit Generator(uint64_t Seed) : Gen(Seed) {}

  /// A call LibTorch is likely to accept, with edge values.
  Case valid(uint64_t Seed);
  /// A call with one mistake of the kind torchlint finds, and others.
  Case invalid(uint64_t Seed);

private:
  bool chance(double P) { return std::uniform_real_distribution<>()(Gen) < P; }
  int64_t between(int64_t Lo, int64_t Hi) { // inclusive
    return std::uniform_int_distribution<int64_t>(Lo, Hi)(Gen);
  }
  template <typename T> T pick(const std::vector<T> &Options) {
    return Options[between(0, Options.size() - 1)];
  }

  torch::Tensor logits(const std::vector<int64_t> &Sizes,
                       torch::ScalarType Dtype);
  torch::Tensor classes(const std::vector<int64_t> &Sizes, int64_t Classes,
                        int64_t IgnoreIndex, torch::ScalarType Dtype);
  torch::Tensor uniform(const std::vector<int64_t> &Sizes, double Lo, double Hi,
                        torch::ScalarType Dtype);
  Case crossEntropyOrNll(Case C);
  Case bce(Case C);

  std::mt19937_64 Gen;
};

torch::Tensor fromDoubles(const std::vector<double> &Values,
                          const std::vector<int64_t> &Sizes,
                          torch::ScalarType Dtype) {
  torch::Tensor T = torch::empty(Sizes, torch::dtype(torch::kDouble));
  std::copy(Values.begin(), Values.end(), T.data_ptr<double>());
  return T.to(Dtype);
}

int64_t product(const std::vector<int64_t> &Sizes) {
  int64_t N = 1;
  for (int64_t D : Sizes)
    N *= D;
  return N;
}

torch::Tensor Generator::uniform(const std::vector<int64_t> &Sizes, double Lo,
                                 double Hi, torch::ScalarType Dtype) {
  std::vector<double> V(product(Sizes));
  std::uniform_real_distribution<double> D(Lo, Hi);
  for (double &X : V)
    X = D(Gen);
  return fromDoubles(V, Sizes, Dtype);
}

torch::Tensor Generator::logits(const std::vector<int64_t> &Sizes,
                                torch::ScalarType Dtype) {
  std::vector<double> V(product(Sizes));
  double Scale = pick<double>({1, 1, 1, 3, 30, 1e-3});
  bool Large = chance(0.1); // logits of 1e4 overflow a naive exp
  std::normal_distribution<double> D(0, Scale);
  for (double &X : V)
    X = Large ? std::uniform_real_distribution<double>(-1e4, 1e4)(Gen) : D(Gen);
  if (!V.empty() && chance(0.08)) {
    double Inf = std::numeric_limits<double>::infinity();
    for (int64_t I = 0, E = between(1, 3); I < E; ++I)
      V[between(0, V.size() - 1)] =
          pick<double>({-Inf, -Inf, Inf, std::nan("")});
  }
  return fromDoubles(V, Sizes, Dtype);
}

torch::Tensor Generator::classes(const std::vector<int64_t> &Sizes,
                                 int64_t Classes, int64_t IgnoreIndex,
                                 torch::ScalarType Dtype) {
  std::vector<double> V(product(Sizes));
  double Ignored = pick<double>({0, 0, 0.2, 0.5, 1.0});
  if (Classes == 0)
    Ignored = 1;
  // A Byte target holds ignore_index as uint8, as LibTorch would cast it.
  double Ignore = Dtype == torch::kByte ? (IgnoreIndex & 0xff) : IgnoreIndex;
  for (double &X : V)
    X = chance(Ignored) ? Ignore : between(0, Classes - 1);
  return fromDoubles(V, Sizes, Dtype);
}

Case Generator::valid(uint64_t Seed) {
  Case C;
  C.Seed = Seed;
  C.Reduce =
      pick<kernel::Reduction>({kernel::Reduction::None, kernel::Reduction::Mean,
                               kernel::Reduction::Sum});
  C.Threads = chance(0.2) ? 3 : 1;
  if (chance(0.3))
    C.Upstream = pick<double>({0.5, 2, 1e3});
  double Which = std::uniform_real_distribution<>()(Gen);
  if (Which < 0.2) {
    C.Function = kernel::LossFunction::BceWithLogits;
    return bce(C);
  }
  C.Function = Which < 0.35 ? kernel::LossFunction::NllLoss
                            : kernel::LossFunction::CrossEntropy;
  return crossEntropyOrNll(C);
}

Case Generator::crossEntropyOrNll(Case C) {
  bool Nll = C.Function == kernel::LossFunction::NllLoss;
  torch::ScalarType Dtype = chance(0.5) ? torch::kFloat : torch::kDouble;
  int64_t Rank = Nll ? between(2, 5) : pick<int64_t>({1, 2, 2, 2, 3, 4, 5});
  int64_t N = chance(0.05) ? 0 : between(1, 8);
  int64_t Classes = chance(0.1)    ? 1
                    : chance(0.1)  ? between(50, 300)
                    : chance(0.02) ? 0
                                   : between(2, 12);
  std::vector<int64_t> Sizes = Rank == 1 ? std::vector<int64_t>{Classes}
                                         : std::vector<int64_t>{N, Classes};
  for (int64_t D = 2; D < Rank; ++D)
    Sizes.push_back(chance(0.03) ? 0 : between(1, 5));
  C.Input = logits(Sizes, Dtype);
  if (Nll && chance(0.7)) // log-probabilities, as nll_loss expects
    C.Input = torch::log_softmax(C.Input, 1);

  std::vector<int64_t> TargetSizes = Sizes;
  TargetSizes.erase(TargetSizes.begin() + (Rank == 1 ? 0 : 1));
  bool Probabilities = !Nll && chance(0.2);
  if (Probabilities) {
    torch::ScalarType TargetDtype =
        chance(0.7) ? Dtype
                    : pick<torch::ScalarType>({torch::kFloat, torch::kDouble,
                                               torch::kHalf, torch::kBFloat16});
    torch::Tensor P = uniform(Sizes, 0, 1, torch::kDouble);
    if (chance(0.5) && Rank > 1)
      P = torch::softmax(P * 4, 1);
    C.Target = P.to(TargetDtype);
    if (chance(0.3))
      C.Weight = uniform({Classes}, 0.1, 2,
                         pick<torch::ScalarType>({Dtype, torch::kFloat}));
  } else {
    C.IgnoreIndex = pick<int64_t>({-100, -100, -1, Classes + 2,
                                   Classes > 0 ? between(0, Classes - 1) : 0});
    // Byte targets are accepted up to 2-D; 156 is -100 as uint8.
    bool Byte = Rank <= 2 && chance(0.1);
    if (Byte && chance(0.5))
      C.IgnoreIndex = pick<int64_t>({-100, 255, 7});
    C.Target = classes(TargetSizes, Classes, C.IgnoreIndex,
                       Byte ? torch::kByte : torch::kLong);
    if (Byte && Classes > 156 && chance(0.5) && C.Target.numel() > 0)
      C.Target.view(-1)[0] = 156;
    if (chance(0.4))
      C.Weight = chance(0.1) ? torch::zeros({Classes}, torch::dtype(Dtype))
                             : uniform({Classes}, 0, 2, Dtype);
  }
  if (!Nll && chance(0.4))
    C.LabelSmoothing = pick<double>({0.1, 0.3, 1.0, 0.05});
  return C;
}

Case Generator::bce(Case C) {
  torch::ScalarType Dtype = chance(0.5) ? torch::kFloat : torch::kDouble;
  std::vector<int64_t> Sizes;
  for (int64_t D = 0, Rank = between(0, 3); D < Rank; ++D)
    Sizes.push_back(chance(0.05) ? 0 : between(1, 6));
  C.Input = logits(Sizes, Dtype);
  torch::ScalarType TargetDtype =
      chance(0.8) ? Dtype
                  : pick<torch::ScalarType>({torch::kFloat, torch::kDouble});
  C.Target = chance(0.5) ? uniform(Sizes, 0, 1, TargetDtype)
                         : uniform(Sizes, 0, 1, TargetDtype).round();
  // Broadcastable weights: a suffix of the shape, some sizes 1.
  auto Suffix = [&]() {
    std::vector<int64_t> S(Sizes.end() - between(0, Sizes.size()), Sizes.end());
    for (int64_t &D : S)
      if (chance(0.3))
        D = 1;
    return S;
  };
  if (chance(0.3))
    C.Weight = uniform(Suffix(), 0, 2,
                       pick<torch::ScalarType>({Dtype, torch::kFloat}));
  if (chance(0.3))
    C.PosWeight = uniform(Suffix(), 0, 3, Dtype);
  return C;
}

Case Generator::invalid(uint64_t Seed) {
  Case C = valid(Seed);
  auto Sizes = [](const torch::Tensor &T) { return T.sizes().vec(); };
  switch (between(0, 11)) {
  case 0: // the target's dtype
    C.Target = C.Target.to(
        pick<torch::ScalarType>({torch::kFloat, torch::kDouble, torch::kInt,
                                 torch::kShort, torch::kChar, torch::kByte,
                                 torch::kBool, torch::kLong, torch::kHalf}));
    break;
  case 1: // unsqueeze the target somewhere
    C.Target = C.Target.unsqueeze(between(0, C.Target.dim()));
    break;
  case 2: // unsqueeze the input somewhere
    C.Input = C.Input.unsqueeze(between(0, C.Input.dim()));
    break;
  case 3: { // drop or change one size of the target
    auto S = Sizes(C.Target);
    if (!S.empty() && chance(0.5))
      S.erase(S.begin() + between(0, S.size() - 1));
    else if (!S.empty())
      S[between(0, S.size() - 1)] += between(1, 3);
    C.Target = torch::zeros(S, C.Target.options());
    break;
  }
  case 4: // targets out of range
    if (C.Target.numel() > 0 && !C.Target.is_floating_point()) {
      int64_t Classes = C.Input.dim() == 1  ? C.Input.size(0)
                        : C.Input.dim() > 1 ? C.Input.size(1)
                                            : 1;
      try { // a value the target's dtype cannot hold leaves it as it is
        C.Target.view(-1)[between(0, C.Target.numel() - 1)] =
            pick<int64_t>({Classes, Classes + 3, -1, -7, 255});
      } catch (const std::exception &) {
      }
    }
    break;
  case 5: { // the weight's size, rank or dtype
    int64_t Classes = C.Input.dim() > 1 ? C.Input.size(1)
                      : C.Input.dim()   ? C.Input.size(0)
                                        : 2;
    std::vector<int64_t> S = pick<std::vector<int64_t>>({{Classes + 1},
                                                         {Classes, 1},
                                                         {1, Classes},
                                                         {},
                                                         {Classes},
                                                         {2, Classes}});
    C.Weight = torch::rand(S, torch::dtype(torch::kDouble))
                   .mul(3)
                   .to(pick<torch::ScalarType>({torch::kFloat, torch::kDouble,
                                                torch::kLong, torch::kHalf}));
    break;
  }
  case 6: // label smoothing out of range, or NaN
    if (C.Function == kernel::LossFunction::CrossEntropy)
      C.LabelSmoothing =
          pick<double>({1.5, 2, -0.5, std::numeric_limits<double>::infinity(),
                        std::nan(""), 1.0000001});
    break;
  case 7: // the input's dtype
    C.Input = C.Input.to(pick<torch::ScalarType>(
        {torch::kLong, torch::kInt, torch::kHalf, torch::kBFloat16,
         torch::kBool, torch::kByte}));
    break;
  case 8: // ignore_index with class probabilities, or anywhere
    if (C.Function == kernel::LossFunction::BceWithLogits)
      break; // BCE has no ignore_index
    C.IgnoreIndex = between(0, 3);
    if (C.Function == kernel::LossFunction::CrossEntropy && chance(0.5))
      C.Target = torch::rand(Sizes(C.Input), C.Input.options());
    break;
  case 9: // 0-dim tensors
    if (chance(0.5))
      C.Target = torch::zeros({}, C.Target.options());
    else
      C.Input = torch::zeros({}, C.Input.options());
    break;
  case 10: // pos_weight and weight that do not broadcast, or too far
    C.PosWeight = torch::rand(
        pick<std::vector<int64_t>>({{7}, {3, 1, 1}, {2}, {1, 1, 1, 1}}),
        C.Input.options());
    if (C.Function != kernel::LossFunction::BceWithLogits)
      C.PosWeight = torch::Tensor(); // an option of BCE only
    else if (chance(0.5))
      std::swap(C.Weight, C.PosWeight);
    if (chance(0.2) && C.PosWeight.defined())
      C.PosWeight = C.PosWeight.to(torch::kBool);
    break;
  case 11: // the target shaped like the input
    C.Target = torch::zeros(Sizes(C.Input), C.Target.options());
    break;
  }
  return C;
}

class LossKernelDifferential : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    // One thread: with more, which of several bad targets LibTorch reports
    // depends on the schedule.
    torch::set_num_threads(1);
    // The tests compare messages only; symbolizing each error's stack trace
    // would take most of the run.
    c10::SetStackTraceFetcher([] { return std::string(); });
  }
};

TEST_F(LossKernelDifferential, RandomValidCalls) {
  Generator Gen(20250611);
  Tally Count;
  for (uint64_t I = 0; Count.Computed < 10000 && I < 20000; ++I) {
    compare(Gen.valid(I), Count);
    if (HasFatalFailure() || HasFailure())
      break;
  }
  std::printf("valid calls: %d computed (%d with NaN or Inf), %d raised, "
              "%d raised in backward, %d declined\n",
              Count.Computed, Count.NonFinite, Count.Raised,
              Count.RaisedInBackward, Count.Declined);
  EXPECT_GE(Count.Computed, 10000);
}

TEST_F(LossKernelDifferential, RandomInvalidCalls) {
  Generator Gen(777);
  Tally Count;
  for (uint64_t I = 0; I < 20000; ++I) {
    compare(Gen.invalid(I), Count);
    if (HasFatalFailure() || HasFailure())
      break;
  }
  std::printf("mutated calls: %d raised, %d raised in backward, %d computed, "
              "%d declined\n",
              Count.Raised, Count.RaisedInBackward, Count.Computed,
              Count.Declined);
  Count.print();
  EXPECT_GE(Count.Raised, 10000);
}

/// A class-index target for \p Input with a share of rows ignored.
torch::Tensor someClasses(const torch::Tensor &Input, int64_t IgnoreIndex,
                          double Ignored, uint64_t Seed) {
  std::vector<int64_t> Sizes = Input.sizes().vec();
  int64_t Classes = Sizes[1];
  Sizes.erase(Sizes.begin() + 1);
  std::mt19937_64 Gen(Seed);
  torch::Tensor T = torch::empty(Sizes, torch::dtype(torch::kLong));
  int64_t *Data = T.data_ptr<int64_t>();
  for (int64_t I = 0; I < T.numel(); ++I)
    Data[I] = std::uniform_real_distribution<>()(Gen) < Ignored
                  ? IgnoreIndex
                  : static_cast<int64_t>(Gen() % Classes);
  return T;
}

// The benchmark's shapes and others whose rows span several of the kernel's
// vector blocks and tiles, on one thread and on three.
TEST_F(LossKernelDifferential, LargeShapes) {
  torch::manual_seed(1);
  std::vector<std::vector<int64_t>> Shapes = {
      {64, 10},      {512, 1000},    {8, 32000},  {2, 21, 128, 128},
      {3, 500, 300}, {2, 7, 33, 65}, {5, 3, 1000}};
  Tally Count;
  uint64_t Seed = 0;
  for (const std::vector<int64_t> &Sizes : Shapes) {
    for (torch::ScalarType Dtype : {torch::kFloat, torch::kDouble}) {
      Case C;
      C.Seed = ++Seed;
      C.Input = torch::randn(Sizes, torch::dtype(Dtype)) * 3;
      C.Target = someClasses(C.Input, -100, Seed % 2 ? 0.1 : 0, Seed);
      C.Threads = Seed % 3 == 0 ? 3 : 1;
      compare(C, Count);
      C.Reduce = kernel::Reduction::None;
      C.Upstream = 2;
      C.Weight = torch::rand({Sizes[1]}, torch::dtype(Dtype));
      compare(C, Count);
      C.Reduce = kernel::Reduction::Sum;
      C.LabelSmoothing = 0.2;
      compare(C, Count);
    }
  }
  EXPECT_EQ(Count.Computed, 42);
}

// The mistakes torchlint reports, and LibTorch's corners, one by one.
TEST_F(LossKernelDifferential, NamedCases) {
  torch::manual_seed(2);
  auto Long = [](std::vector<int64_t> Sizes, int64_t Value) {
    return torch::full(Sizes, Value, torch::dtype(torch::kLong));
  };
  auto Logits = [](std::vector<int64_t> Sizes) {
    return torch::randn(Sizes, torch::dtype(torch::kFloat));
  };
  auto Ce = [](torch::Tensor Input, torch::Tensor Target) {
    Case C;
    C.Input = std::move(Input);
    C.Target = std::move(Target);
    return C;
  };
  std::vector<Case> Cases;
  // The README's three bugs.
  Cases.push_back(Ce(Logits({32, 1, 3}), Long({32}, 0)));
  Cases.push_back(Ce(Logits({32, 3}), Long({32}, 1).to(torch::kFloat)));
  Cases.push_back(Ce(torch::softmax(Logits({32, 3}), 1), Long({32}, 2)));
  // Batch sizes, ranks, out-of-range and 1-based labels.
  Cases.push_back(Ce(Logits({32, 3}), Long({16}, 0)));
  Cases.push_back(Ce(Logits({32, 3}), Long({32, 1}, 0)));
  Cases.push_back(Ce(Logits({32, 3}), Long({32}, 3)));
  Cases.push_back(Ce(Logits({4, 3, 5, 6}), Long({4, 5}, 0)));
  Cases.push_back(Ce(Logits({4, 3, 5}), Long({4, 6}, 0)));
  Cases.push_back(Ce(Logits({3}), Long({}, 2)));
  Cases.push_back(Ce(Logits({32, 3}), Long({}, 0)));
  // Class probabilities, and their mistakes.
  Cases.push_back(Ce(Logits({8, 5}), torch::softmax(Logits({8, 5}), 1)));
  Cases.push_back(Ce(Logits({8, 5}), Long({8, 5}, 0)));
  // C = 1, N = 0, all rows ignored, large and non-finite logits.
  Cases.push_back(Ce(Logits({8, 1}), Long({8}, 0)));
  Cases.push_back(Ce(Logits({0, 4}), Long({0}, 0)));
  Cases.push_back(Ce(Logits({0, 4, 3}), Long({0, 3}, 0)));
  Cases.push_back(Ce(Logits({6, 4}), Long({6}, -100)));
  Cases.push_back(Ce(Logits({6, 4}) * 1e4, Long({6}, 1)));
  torch::Tensor Odd = Logits({4, 3});
  Odd[0][0] = INFINITY;
  Odd[1][1] = -INFINITY;
  Odd[2][2] = NAN;
  Odd[3] = -INFINITY;
  Cases.push_back(Ce(Odd, Long({4}, 1)));
  // A uint8 target is accepted up to 2-D; ignore_index meets it as uint8 in
  // label smoothing's mask only, and gather() wants int64 indices.
  torch::Tensor Bytes = torch::full({4}, 156, torch::dtype(torch::kByte));
  Cases.push_back(Ce(Logits({4, 200}), Bytes));
  Cases.back().LabelSmoothing = 0.1;
  Cases.push_back(Ce(Logits({4, 200}), Bytes));
  Cases.back().LabelSmoothing = 0.1;
  Cases.back().Weight = torch::rand({200});
  Cases.push_back(Ce(Logits({4, 200}), Bytes));
  Cases.back().Reduce = kernel::Reduction::None;
  Cases.back().Target[0] = 10; // printed as a newline: "Target \n is ..."
  Cases.back().Input = Logits({4, 5});
  // A weight of the wrong size, rank or dtype.
  Cases.push_back(Ce(Logits({8, 5}), Long({8}, 0)));
  Cases.back().Weight = torch::rand({4});
  Cases.push_back(Ce(Logits({8, 5, 2}), Long({8, 2}, 0)));
  Cases.back().Weight = torch::rand({5}, torch::dtype(torch::kDouble));
  // BCE: shapes, dtypes, broadcasting weights.
  Case Bce;
  Bce.Function = kernel::LossFunction::BceWithLogits;
  Bce.Input = Logits({8, 3});
  Bce.Target = torch::rand({8});
  Cases.push_back(Bce);
  Bce.Target = torch::rand({8, 3});
  Bce.PosWeight = torch::rand({3}) * 3;
  Bce.Weight = torch::rand({8, 1});
  Cases.push_back(Bce);
  Bce.Weight = torch::rand({2, 8, 3});
  Cases.push_back(Bce);
  Bce.Weight = torch::Tensor();
  Bce.Target = Long({8, 3}, 1);
  Cases.push_back(Bce);

  Tally Count;
  for (const Case &C : Cases)
    compare(C, Count);
  Count.print();
  EXPECT_EQ(Count.Raised + Count.Computed + Count.RaisedInBackward,
            static_cast<int>(Cases.size()));
}

} // namespace
