//===--- Confirmation.cpp - Findings replayed on sample data --------------===//

#include "Confirmation.h"
#include "CrossEntropyContract.h"
#include "kernel/LossKernel.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>

namespace torchlint {

namespace kn = kernel;
using Sizes = std::vector<int64_t>;

namespace {

/// SplitMix64: the same values on every platform and standard library (the
/// distributions of <random> are not), so that a note reads the same
/// everywhere and its numbers can be recomputed by hand.
class SampleRng {
public:
  uint64_t next() {
    uint64_t Z = (State += 0x9e3779b97f4a7c15ULL);
    Z = (Z ^ (Z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    Z = (Z ^ (Z >> 27)) * 0x94d049bb133111ebULL;
    return Z ^ (Z >> 31);
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }
  static constexpr double Pi = 3.14159265358979323846;
  /// Standard normal, by Box-Muller: the logits of a freshly initialised
  /// model are of that order.
  double normal() {
    double U1 = static_cast<double>((next() >> 11) + 1) * 0x1p-53;
    double U2 = uniform();
    return std::sqrt(-2 * std::log(U1)) * std::cos(2 * Pi * U2);
  }
  /// Uniform in [Lo, Hi].
  int64_t between(int64_t Lo, int64_t Hi) {
    uint64_t Width = static_cast<uint64_t>(Hi) - static_cast<uint64_t>(Lo) + 1;
    uint64_t R = Width ? next() % Width : next();
    return static_cast<int64_t>(static_cast<uint64_t>(Lo) + R);
  }

private:
  uint64_t State = 0x746f7263686c696eULL; // "torchlin"
};

int64_t product(const Sizes &S) {
  int64_t N = 1;
  for (int64_t D : S)
    N = D > 0 && N > INT64_MAX / D ? INT64_MAX : N * std::max<int64_t>(D, 0);
  return N;
}

std::string formatSizes(const Sizes &S) {
  std::string Out = "[";
  for (size_t I = 0; I < S.size(); ++I)
    Out += (I ? ", " : "") + std::to_string(S[I]);
  return Out + "]";
}

std::string formatNumber(double V, int Decimals) {
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%.*f", Decimals, V);
  return Buf;
}

std::string formatRatio(double R) {
  return formatNumber(R, R < 10 ? 1 : 0) + "x";
}

std::optional<kn::ScalarType> kernelType(DType T) {
  switch (T) {
  case DType::Bool:
    return kn::ScalarType::Bool;
  case DType::Byte:
    return kn::ScalarType::Byte;
  case DType::Char:
    return kn::ScalarType::Char;
  case DType::Short:
    return kn::ScalarType::Short;
  case DType::Int:
    return kn::ScalarType::Int;
  case DType::Long:
    return kn::ScalarType::Long;
  case DType::Half:
    return kn::ScalarType::Half;
  case DType::BFloat16:
    return kn::ScalarType::BFloat16;
  case DType::Float:
    return kn::ScalarType::Float;
  case DType::Double:
    return kn::ScalarType::Double;
  case DType::Complex:
    break;
  }
  return std::nullopt;
}

/// IEEE half of a sample value (small integers, probabilities): exact for
/// them, rounded to nearest otherwise.
uint16_t halfBits(double V) {
  uint16_t Sign = std::signbit(V) ? 0x8000 : 0;
  V = std::fabs(V);
  if (V == 0 || std::isnan(V))
    return std::isnan(V) ? 0x7e00 : Sign;
  int Exp;
  double Mantissa = std::frexp(V, &Exp); // V = Mantissa * 2^Exp, in [0.5, 1)
  int Biased = Exp - 1 + 15;
  if (Biased <= 0) // below half's normal range: never sampled
    return Sign;
  auto Fraction = static_cast<uint32_t>(std::lround((Mantissa * 2 - 1) * 1024));
  if (Fraction == 1024) {
    Fraction = 0;
    ++Biased;
  }
  if (Biased >= 31)
    return Sign | 0x7c00;
  return static_cast<uint16_t>(Sign | (Biased << 10) | Fraction);
}

/// A sample tensor: its values in their dtype, or its shape only.
struct SampleTensor {
  DType Type = DType::Float; ///< never Complex, which the kernel lacks
  Sizes Shape;
  std::vector<unsigned char> Bytes;
  bool ShapeOnly = false;

  template <typename T> void fill(const std::vector<T> &Values) {
    size_t Width = kn::elementSize(*kernelType(Type));
    Bytes.assign(Values.size() * Width, 0);
    for (size_t I = 0; I < Values.size(); ++I)
      store(Values[I], Bytes.data() + I * Width);
  }
  kn::TensorView view() const {
    return {*kernelType(Type), Shape, ShapeOnly ? nullptr : Bytes.data(),
            ShapeOnly ? 0 : product(Shape)};
  }

private:
  /// Logits and probabilities come as doubles, class indices as int64 (kept
  /// exact whatever their size).
  template <typename T> void store(T Value, unsigned char *Out) const {
    auto Put = [Out](auto X) { std::memcpy(Out, &X, sizeof(X)); };
    auto Int = static_cast<int64_t>(Value);
    auto V = static_cast<double>(Value);
    switch (Type) {
    case DType::Bool:
      return Put(static_cast<uint8_t>(V != 0));
    case DType::Byte:
      return Put(static_cast<uint8_t>(Int));
    case DType::Char:
      return Put(static_cast<int8_t>(Int));
    case DType::Short:
      return Put(static_cast<int16_t>(Int));
    case DType::Int:
      return Put(static_cast<int32_t>(Int));
    case DType::Long:
      return Put(Int);
    case DType::Half:
      return Put(halfBits(V));
    case DType::BFloat16: {
      float F = static_cast<float>(V);
      uint32_t Bits;
      std::memcpy(&Bits, &F, sizeof(Bits));
      return Put(static_cast<uint16_t>(Bits >> 16));
    }
    case DType::Float:
      return Put(static_cast<float>(V));
    case DType::Double:
      return Put(V);
    case DType::Complex:
      break;
    }
  }
};

/// Rows along the class dimension of a [N, C, d1, ...] or [C] tensor: element
/// (n, c, k) is at n * C * Inner + c * Inner + k.
struct ClassLayout {
  int64_t Outer = 1, Classes = 1, Inner = 1;

  explicit ClassLayout(const Sizes &S) {
    if (S.size() == 1) {
      Classes = S[0];
      return;
    }
    if (S.empty())
      return;
    Outer = S[0];
    Classes = S[1];
    for (size_t I = 2; I < S.size(); ++I)
      Inner *= S[I];
  }
  int64_t rows() const { return Outer * Inner; }
  /// The offset of class 0 of row R; classes are Inner apart.
  int64_t base(int64_t R) const {
    return (R / Inner) * Classes * Inner + R % Inner;
  }
};

/// The class dimension of a cross-entropy or NLL input of the given rank.
std::optional<size_t> classDim(LossKind K, size_t Rank) {
  if (K == LossKind::BCEWithLogits || Rank == 0)
    return std::nullopt;
  return classDimension(Rank);
}

/// The class-index target of an input: its shape without the class
/// dimension.
Sizes classIndexShape(const Sizes &Input) {
  Sizes Out = Input;
  if (!Out.empty())
    Out.erase(Out.begin() + (Out.size() == 1 ? 0 : 1));
  return Out;
}

/// The sizes of a sample, and how they differ from the inferred ones.
struct SampleShapes {
  Sizes Input, Target;
  bool Filled = false; ///< unknown sizes were set to SampleDefaultSize
  std::optional<std::pair<Sizes, Sizes>> ClampedFrom;
};

/// The inferred sizes, with unknown ones taken from the other tensor where
/// the loss pairs them (the batch, the spatial sizes; never C), else set to
/// SampleDefaultSize. An unknown rank is the one the other tensor implies
/// (a class-index target: the input without C).
SampleShapes fillShapes(const LossCallFacts &F) {
  using DimList = llvm::SmallVector<Dim, 4>;
  bool Bce = F.Kind == LossKind::BCEWithLogits;
  SampleShapes S;
  std::optional<DimList> In = F.Input.Sizes, Tg = F.Target.Sizes;
  if (!In) {
    if (Tg && (Bce || Tg->empty()))
      In = Bce ? *Tg : DimList{std::nullopt};
    else if (Tg) {
      In = *Tg;
      In->insert(In->begin() + 1, std::nullopt);
    } else
      In = DimList{std::nullopt, std::nullopt};
  }
  if (!Tg) {
    Tg = *In;
    if (!Bce && !Tg->empty())
      Tg->erase(Tg->begin() + (Tg->size() == 1 ? 0 : 1));
  }
  // Which input dimension each target dimension must equal.
  std::vector<std::pair<size_t, size_t>> Paired;
  std::optional<size_t> Class = classDim(F.Kind, In->size());
  if (In->size() == Tg->size()) {
    for (size_t I = 0; I < In->size(); ++I)
      if (I != Class)
        Paired.push_back({I, I});
  } else if (In->size() >= 2 && Tg->size() + 1 == In->size()) {
    Paired.push_back({0, 0});
    for (size_t I = 1; I < Tg->size(); ++I)
      Paired.push_back({I + 1, I});
  } else if (In->size() >= 2 && !Tg->empty()) {
    Paired.push_back({0, 0});
  }
  for (auto [I, T] : Paired) {
    if (!(*In)[I])
      (*In)[I] = (*Tg)[T];
    if (!(*Tg)[T])
      (*Tg)[T] = (*In)[I];
  }
  auto Known = [&S](const DimList &Dims) {
    Sizes Out;
    for (const Dim &D : Dims) {
      S.Filled |= !D;
      Out.push_back(D.value_or(SampleDefaultSize));
    }
    return Out;
  };
  S.Input = Known(*In);
  S.Target = Known(*Tg);
  return S;
}

/// How many times a uniformly drawn target is sampled, at most, until it
/// holds an offending value: each draw holds one with probability 1/2 or
/// more when the check reports it.
constexpr int MaxTargetDraws = 16;

/// Sizes above this are clamped when a sample is too large.
constexpr int64_t ClampedSize = 16;

/// Clamps sizes that are too large for a sample with a map that keeps their
/// order, equalities and differences (batch sizes that differ still differ),
/// so that LibTorch's shape checks decide as they do on the inferred sizes.
/// \p Keep (the number of classes, which target values are compared with) is
/// left as it is.
void clampKeepingRelations(SampleShapes &S, std::optional<int64_t> Keep) {
  std::vector<int64_t> Large;
  for (const Sizes *List : {&S.Input, &S.Target})
    for (int64_t D : *List)
      if (D > ClampedSize && D != Keep)
        Large.push_back(D);
  llvm::sort(Large);
  Large.erase(std::unique(Large.begin(), Large.end()), Large.end());
  if (Large.empty())
    return;
  S.ClampedFrom = {S.Input, S.Target};
  for (Sizes *List : {&S.Input, &S.Target})
    for (int64_t &D : *List)
      if (auto It = llvm::lower_bound(Large, D); It != Large.end() && *It == D)
        D = ClampedSize + 1 + (It - Large.begin());
}

/// Computed samples hold at most this many rows; their numbers are means
/// over rows, which a few dozen rows show as well as a million.
constexpr int64_t ComputedRows = 64;

/// Clamps the input of a computed sample: the batch and spatial sizes first,
/// the number of classes (which the numbers depend on) only if it alone is
/// over budget.
void clampForCompute(SampleShapes &S, std::optional<size_t> Class) {
  Sizes Before = S.Input;
  for (size_t I = 0; I < S.Input.size(); ++I)
    if (I != Class)
      S.Input[I] = std::min(S.Input[I], ComputedRows);
  for (size_t I = S.Input.size(); I-- > 0 && product(S.Input) > SampleBudget;)
    if (I != Class)
      S.Input[I] = 1;
  if (Class && product(S.Input) > SampleBudget)
    S.Input[*Class] =
        SampleBudget / std::max<int64_t>(1, product(S.Input) / S.Input[*Class]);
  if (S.Input != Before)
    S.ClampedFrom = {Before, S.Target};
}

/// The sample's description: "[32, 1, 3] / [32]", with the dtypes that are
/// not the usual ones and what was filled in or clamped.
std::string describeSample(const SampleShapes &S, const SampleTensor &In,
                           const SampleTensor &Tg, DType UsualTarget) {
  auto Typed = [](const Sizes &Shape, DType T, DType Usual, bool ShapeOnly) {
    std::string Out = formatSizes(Shape);
    if (T != Usual)
      Out += " " + dtypeName(T).str();
    if (ShapeOnly)
      Out += " (shape only)";
    return Out;
  };
  std::string Out = "sample data " +
                    Typed(In.Shape, In.Type, DType::Float, In.ShapeOnly) +
                    " / " + Typed(Tg.Shape, Tg.Type, UsualTarget, Tg.ShapeOnly);
  if (S.Filled)
    Out += " (unknown sizes set to " + std::to_string(SampleDefaultSize) + ")";
  if (S.ClampedFrom)
    Out += " (clamped from " + formatSizes(S.ClampedFrom->first) + " / " +
           formatSizes(S.ClampedFrom->second) + ")";
  return Out;
}

/// LibTorch's message with every number (and the contract's '?' for an
/// unknown size) replaced by '#': what two messages about the same mistake
/// share, whatever sizes the sample has.
std::string messageForm(llvm::StringRef Message) {
  std::string Out;
  for (size_t I = 0; I < Message.size();) {
    if (std::isdigit(static_cast<unsigned char>(Message[I])) ||
        Message[I] == '?') {
      Out += '#';
      while (I < Message.size() &&
             (std::isdigit(static_cast<unsigned char>(Message[I])) ||
              Message[I] == '?'))
        ++I;
    } else {
      Out += Message[I++];
    }
  }
  return Out;
}

kn::LossFunction kernelLoss(LossKind K) {
  switch (K) {
  case LossKind::CrossEntropy:
    return kn::LossFunction::CrossEntropy;
  case LossKind::NLL:
    return kn::LossFunction::NllLoss;
  case LossKind::BCEWithLogits:
    return kn::LossFunction::BceWithLogits;
  }
  return kn::LossFunction::CrossEntropy;
}

Confirmation confirmed(const std::string &Sample, const std::string &What) {
  return {true, "confirmed on " + Sample + ": " + What};
}
Confirmation unconfirmed(const std::string &Sample, const std::string &What) {
  return {false, "unconfirmed on " + Sample + ": " + What};
}

/// What the kernel did, for a note that says it differs from the claim.
std::string describeOutcome(LossKind K, const kn::LossInfo &R) {
  std::string Loss = lossName(K).str();
  switch (R.Code) {
  case kn::Status::Ok:
    return Loss + " returns without raising";
  case kn::Status::TorchError:
    return Loss + (R.InBackward ? "'s backward() raises \"" : " raises \"") +
           R.Message + "\"";
  case kn::Status::InvalidArgument:
  case kn::Status::Unsupported:
    break;
  }
  return "the kernel cannot run the call (" + R.Message + ")";
}

//===----------------------------------------------------------------------===//
// Calls that raise
//===----------------------------------------------------------------------===//

/// The target's sampled values for a claim that the call raises: class
/// indices drawn from the values the facts prove (for an out-of-range
/// claim), else valid ones, so that the shape or dtype is what fails.
std::vector<int64_t> sampleTargetValues(const Claim &C, const LossCallFacts &F,
                                        const SampleShapes &S, SampleRng &Rng) {
  int64_t Count = product(S.Target);
  std::vector<int64_t> Values(Count);
  const std::optional<ValueRange> &Range = F.Target.Range;
  if (C.Kind == Claim::TargetOutOfRange && Range) {
    // Every element drawn from the range (a uniform draw) or from the values
    // known to occur; then each value that provably occurs is placed once,
    // at a drawn position, if the draw missed it.
    bool FromPresent = !Range->Uniform && !Range->Present.empty();
    for (int64_t &V : Values)
      V = FromPresent ? Range->Present[Rng.between(
                            0, static_cast<int64_t>(Range->Present.size()) - 1)]
                      : Rng.between(Range->Lo, Range->Hi);
    std::map<int64_t, int64_t> Occurrences;
    for (int64_t V : Values)
      ++Occurrences[V];
    std::vector<bool> Placed(Count, false);
    for (int64_t P : Range->Present) {
      if (Occurrences[P])
        continue;
      // Overwrite a drawn value that occurs elsewhere too, so that every
      // value placed or drawn before stays.
      for (int Attempt = 0; Attempt < 64 && Count > 0; ++Attempt) {
        int64_t At = Rng.between(0, Count - 1);
        if (Placed[At] || Occurrences[Values[At]] < 2)
          continue;
        --Occurrences[Values[At]];
        Values[At] = P;
        ++Occurrences[P];
        Placed[At] = true;
        break;
      }
    }
    return Values;
  }
  bool ClassIndices = F.Kind != LossKind::BCEWithLogits && S.Target != S.Input;
  if (ClassIndices) {
    int64_t Classes = S.Input.empty() ? 1 : ClassLayout(S.Input).Classes;
    for (int64_t &V : Values)
      V = Rng.between(0, std::max<int64_t>(Classes, 1) - 1);
    return Values;
  }
  // Probabilities or BCE targets: one-hot rows, or 0/1 labels.
  if (F.Kind == LossKind::BCEWithLogits || S.Target.empty()) {
    for (int64_t &V : Values)
      V = Rng.between(0, 1);
    return Values;
  }
  ClassLayout L(S.Target);
  for (int64_t R = 0; R < L.rows() && L.Classes > 0; ++R)
    Values[L.base(R) + Rng.between(0, L.Classes - 1) * L.Inner] = 1;
  return Values;
}

Confirmation confirmRaises(const Claim &C, const LossCallFacts &F) {
  SampleShapes S = fillShapes(F);
  bool OutOfRange = C.Kind == Claim::TargetOutOfRange;
  std::optional<size_t> Class = classDim(F.Kind, S.Input.size());
  std::optional<int64_t> Classes;
  if (Class)
    Classes = S.Input[*Class];
  // The class count stays: out-of-range values are relative to it.
  if (product(S.Target) > SampleBudget)
    clampKeepingRelations(S, OutOfRange ? Classes : std::nullopt);

  bool Bce = F.Kind == LossKind::BCEWithLogits;
  bool ClassIndices = !Bce && S.Target != S.Input;
  DType UsualTarget = ClassIndices ? DType::Long : DType::Float;
  SampleTensor In, Tg;
  In.Shape = S.Input;
  Tg.Shape = S.Target;
  In.Type = F.Input.Type.value_or(DType::Float);
  Tg.Type = F.Target.Type.value_or(UsualTarget);
  if (In.Type == DType::Complex || Tg.Type == DType::Complex)
    return {false, "unconfirmed: the kernel has no complex dtype"};

  SampleRng Rng;
  // The checks never read the logits: a shape too large to sample is passed
  // as a shape, with its sizes as they are.
  In.ShapeOnly = product(S.Input) > SampleBudget;
  if (!In.ShapeOnly) {
    std::vector<double> Logits(product(S.Input));
    for (double &V : Logits)
      V = Rng.normal();
    In.fill(Logits);
  }
  Tg.ShapeOnly = product(S.Target) > SampleBudget;
  std::string Sample = describeSample(S, In, Tg, UsualTarget);
  if (OutOfRange && Tg.ShapeOnly)
    return unconfirmed(Sample, "the target is too large to sample");

  kn::LossOptions Opts;
  int64_t IgnoreIndex = F.IgnoreIndex.value_or(Opts.IgnoreIndex);
  if (!Bce)
    Opts.IgnoreIndex = IgnoreIndex;
  // The first sampled value that is not a class nor ignore_index, in the
  // row order in which LibTorch reads them.
  std::vector<int64_t> Targets;
  auto FirstOffending = [&] {
    return llvm::find_if(Targets, [&](int64_t V) {
      return (V < 0 || !Classes || V >= *Classes) && V != IgnoreIndex;
    });
  };
  // A uniform draw (torch::randint) that yields an offending value with
  // probability 1/2 or more (what the check proves) may miss it in one
  // batch; the program draws again at every call, and so does the sample.
  int Draws = OutOfRange && F.Target.Range && F.Target.Range->Uniform
                  ? MaxTargetDraws
                  : 1;
  kn::LossInfo R;
  int Draw = 1;
  for (;; ++Draw) {
    if (!Tg.ShapeOnly) {
      Targets = sampleTargetValues(C, F, S, Rng);
      Tg.fill(Targets);
    }
    R = kn::checkLoss(kernelLoss(F.Kind), In.view(), Tg.view(), Opts);
    if (Draw == Draws || FirstOffending() != Targets.end())
      break;
  }
  // An empty batch passes the forward checks that the class indices' dtype
  // fails and raises in backward(), which a training step calls: the error
  // is the finding's all the same, and the note says where it is raised.
  std::string Raised = describeOutcome(F.Kind, R);
  bool Raises = R.Code == kn::Status::TorchError;

  if (!OutOfRange) {
    if (Raises &&
        (C.Message.empty() || messageForm(R.Message) == messageForm(C.Message)))
      return confirmed(Sample, Raised);
    return unconfirmed(Sample, describeOutcome(F.Kind, R));
  }
  auto Offending = FirstOffending();
  if (!Raises || Offending == Targets.end())
    return unconfirmed(Sample, Offending == Targets.end()
                                   ? "no sampled value is out of range in " +
                                         std::to_string(Draws) + " draws, " +
                                         describeOutcome(F.Kind, R)
                                   : describeOutcome(F.Kind, R));
  // LibTorch prints a uint8 target as a character.
  bool Named = Tg.Type == DType::Byte
                   ? llvm::StringRef(R.Message).starts_with("Target ")
                   : R.Message == "Target " + std::to_string(*Offending) +
                                      " is out of bounds.";
  if (!Named)
    return unconfirmed(Sample, describeOutcome(F.Kind, R));
  std::string Where;
  int64_t Flat = Offending - Targets.begin();
  for (size_t I = S.Target.size(); I-- > 0;) {
    Where = std::to_string(Flat % S.Target[I]) + (Where.empty() ? "" : ", ") +
            Where;
    Flat /= S.Target[I];
  }
  std::string Drawn = F.Target.Range ? " drawn from the values " +
                                           describeValues(*F.Target.Range)
                                     : "";
  std::string InDraw =
      Draw > 1 ? " of draw " + std::to_string(Draw) + " of the target" : "";
  return confirmed(Sample + Drawn, "the first offending sampled value is " +
                                       std::to_string(*Offending) +
                                       ", at target[" + Where + "]" + InDraw +
                                       "; " + Raised);
}

//===----------------------------------------------------------------------===//
// Silent bugs: the numbers that show the damage
//===----------------------------------------------------------------------===//

/// A computed sample: logits, labels and the views the kernel takes.
struct ComputedSample {
  SampleShapes Shapes;
  ClassLayout Layout{Sizes{}};
  DType Type = DType::Float;
  std::vector<double> Logits;
  /// Per row, the class (cross-entropy, NLL) or the 0/1 label (BCE).
  std::vector<int64_t> Labels;
  SampleTensor Target;
  /// Probabilities instead of class indices (a target shaped like the input).
  bool OneHotTarget = false;

  SampleTensor input(const std::vector<double> &Values) const {
    SampleTensor T;
    T.Type = Type;
    T.Shape = Shapes.Input;
    T.fill(Values);
    return T;
  }
  std::string describe() const {
    SampleTensor In;
    In.Type = Type;
    In.Shape = Shapes.Input;
    return describeSample(Shapes, In, Target,
                          Target.Type == DType::Long ? DType::Long
                                                     : DType::Float);
  }
};

/// The rows of the sample, each a one-hot of its label: the softmax of a
/// perfect prediction.
std::vector<double> oneHot(const ComputedSample &CS) {
  std::vector<double> Out(CS.Logits.size(), 0.0);
  for (int64_t R = 0; R < CS.Layout.rows(); ++R)
    Out[CS.Layout.base(R) + CS.Labels[R] * CS.Layout.Inner] = 1;
  return Out;
}

/// Builds the sample of a silent bug: the input's inferred shape (the
/// target's facts only decide between class indices and probabilities, since
/// a wrong target shape is another finding), normal logits, uniform labels.
ComputedSample sampleForCompute(const LossCallFacts &F) {
  ComputedSample CS;
  bool Bce = F.Kind == LossKind::BCEWithLogits;
  CS.Shapes = fillShapes(F);
  std::optional<size_t> Class = classDim(F.Kind, CS.Shapes.Input.size());
  clampForCompute(CS.Shapes, Class);
  if (F.Input.Type == DType::Double)
    CS.Type = DType::Double;
  CS.OneHotTarget = !Bce && F.Kind == LossKind::CrossEntropy && F.Target.Type &&
                    isFloatingDType(*F.Target.Type) &&
                    F.Target.rank() == F.Input.rank();
  CS.Shapes.Target = Bce || CS.OneHotTarget ? CS.Shapes.Input
                                            : classIndexShape(CS.Shapes.Input);
  CS.Layout = Bce ? ClassLayout(Sizes{product(CS.Shapes.Input)})
                  : ClassLayout(CS.Shapes.Input);
  SampleRng Rng;
  CS.Logits.resize(product(CS.Shapes.Input));
  for (double &V : CS.Logits)
    V = Rng.normal();
  CS.Target.Shape = CS.Shapes.Target;
  if (Bce) {
    CS.Labels.resize(CS.Logits.size());
    for (int64_t &V : CS.Labels)
      V = Rng.between(0, 1);
    CS.Target.Type = CS.Type;
    CS.Target.fill(CS.Labels);
    return CS;
  }
  CS.Labels.resize(CS.Layout.rows());
  for (int64_t &V : CS.Labels)
    V = Rng.between(0, std::max<int64_t>(CS.Layout.Classes, 1) - 1);
  if (CS.OneHotTarget) {
    CS.Target.Type = CS.Type;
    CS.Target.fill(oneHot(CS));
  } else {
    CS.Target.Type = DType::Long;
    CS.Target.fill(CS.Labels);
  }
  return CS;
}

/// softmax (or log_softmax) of every row along the class dimension.
std::vector<double> softmaxRows(const ComputedSample &CS,
                                const std::vector<double> &X, bool Log) {
  const ClassLayout &L = CS.Layout;
  std::vector<double> Out(X.size());
  for (int64_t R = 0; R < L.rows(); ++R) {
    int64_t B = L.base(R);
    double Max = -INFINITY, Sum = 0;
    for (int64_t C = 0; C < L.Classes; ++C)
      Max = std::max(Max, X[B + C * L.Inner]);
    for (int64_t C = 0; C < L.Classes; ++C)
      Sum += std::exp(X[B + C * L.Inner] - Max);
    for (int64_t C = 0; C < L.Classes; ++C) {
      double Shifted = X[B + C * L.Inner] - Max;
      Out[B + C * L.Inner] =
          Log ? Shifted - std::log(Sum) : std::exp(Shifted) / Sum;
    }
  }
  return Out;
}

/// The gradient on the logits z of a loss whose gradient on
/// p = softmax(z) (or log_softmax(z)) is G; S is softmax(z).
std::vector<double> softmaxBackward(const ComputedSample &CS,
                                    const std::vector<double> &S,
                                    const std::vector<double> &G, bool Log) {
  const ClassLayout &L = CS.Layout;
  std::vector<double> Out(G.size());
  for (int64_t R = 0; R < L.rows(); ++R) {
    int64_t B = L.base(R);
    double Dot = 0;
    for (int64_t C = 0; C < L.Classes; ++C)
      Dot += (Log ? 1 : S[B + C * L.Inner]) * G[B + C * L.Inner];
    for (int64_t C = 0; C < L.Classes; ++C) {
      int64_t I = B + C * L.Inner;
      Out[I] = Log ? G[I] - S[I] * Dot : S[I] * (G[I] - Dot);
    }
  }
  return Out;
}

double norm(const std::vector<double> &V, int64_t From = 0, int64_t To = -1,
            int64_t Step = 1) {
  double Sum = 0;
  for (int64_t I = From; I < (To < 0 ? static_cast<int64_t>(V.size()) : To);
       I += Step)
    Sum += V[I] * V[I];
  return std::sqrt(Sum);
}

/// Runs the loss on the sample's target with input X.
kn::LossResult run(const ComputedSample &CS, LossKind K,
                   const std::vector<double> &X,
                   kn::Reduction Reduce = kn::Reduction::Mean) {
  kn::LossOptions Opts;
  Opts.Reduce = Reduce;
  SampleTensor In = CS.input(X);
  return kn::computeLoss(kernelLoss(K), In.view(), CS.Target.view(), Opts);
}

Confirmation confirmSoftmaxBeforeCrossEntropy(const LossCallFacts &F) {
  ComputedSample CS = sampleForCompute(F);
  std::string Sample = CS.describe();
  std::vector<double> S = softmaxRows(CS, CS.Logits, /*Log=*/false);
  kn::LossResult Perfect = run(CS, F.Kind, oneHot(CS));
  kn::LossResult Raw = run(CS, F.Kind, CS.Logits);
  kn::LossResult OnSoftmax = run(CS, F.Kind, S);
  for (const kn::LossResult *R : {&Perfect, &Raw, &OnSoftmax})
    if (!R->ok())
      return unconfirmed(Sample, describeOutcome(F.Kind, *R));
  double Lowest = Perfect.Loss[0];
  double Ratio = norm(Raw.Grad) /
                 norm(softmaxBackward(CS, S, OnSoftmax.Grad, /*Log=*/false));
  std::string Numbers =
      "a perfect prediction still costs " + formatNumber(Lowest, 3) +
      " (log(1 + (C-1)/e) for C = " + std::to_string(CS.Layout.Classes) +
      ") instead of 0, and the gradients on the logits are " +
      formatRatio(Ratio) + " smaller than without the softmax";
  if (Lowest > 1e-6 && Ratio > 1)
    return confirmed(Sample, Numbers);
  return unconfirmed(Sample, Numbers);
}

Confirmation confirmSoftmaxBeforeNll(const LossCallFacts &F) {
  ComputedSample CS = sampleForCompute(F);
  std::string Sample = CS.describe();
  std::vector<double> S = softmaxRows(CS, CS.Logits, /*Log=*/false);
  kn::LossResult OnLog = run(CS, F.Kind, softmaxRows(CS, CS.Logits, true));
  kn::LossResult OnSoftmax = run(CS, F.Kind, S);
  for (const kn::LossResult *R : {&OnLog, &OnSoftmax})
    if (!R->ok())
      return unconfirmed(Sample, describeOutcome(F.Kind, *R));
  std::vector<double> GradLog = softmaxBackward(CS, S, OnLog.Grad, true);
  std::vector<double> GradSoftmax =
      softmaxBackward(CS, S, OnSoftmax.Grad, false);
  // The row whose target the sample's logits make least likely: there
  // -p's gradient is smallest against -log(p)'s.
  const ClassLayout &L = CS.Layout;
  int64_t Worst = 0;
  auto TargetProbability = [&](int64_t R) {
    return S[L.base(R) + CS.Labels[R] * L.Inner];
  };
  for (int64_t R = 1; R < L.rows(); ++R)
    if (TargetProbability(R) < TargetProbability(Worst))
      Worst = R;
  auto RowNorm = [&](const std::vector<double> &G) {
    return norm(G, L.base(Worst), L.base(Worst) + L.Classes * L.Inner, L.Inner);
  };
  double Ratio = norm(GradLog) / norm(GradSoftmax);
  double WorstRatio = RowNorm(GradLog) / RowNorm(GradSoftmax);
  std::string Numbers =
      "the gradients on the logits are " + formatRatio(Ratio) +
      " smaller than with log_softmax, and " + formatRatio(WorstRatio) +
      " smaller on the row whose target is least likely (p = " +
      formatNumber(TargetProbability(Worst), 3) + ")";
  if (Ratio > 1)
    return confirmed(Sample, Numbers);
  return unconfirmed(Sample, Numbers);
}

Confirmation confirmSigmoidBeforeBce(const LossCallFacts &F) {
  ComputedSample CS = sampleForCompute(F);
  std::string Sample = CS.describe();
  std::vector<double> Labels(CS.Labels.begin(), CS.Labels.end());
  std::vector<double> S(CS.Logits.size());
  for (size_t I = 0; I < S.size(); ++I)
    S[I] = 1 / (1 + std::exp(-CS.Logits[I]));
  // A perfect prediction: the sigmoid's output equals the label.
  kn::LossResult Perfect = run(CS, F.Kind, Labels, kn::Reduction::None);
  kn::LossResult Raw = run(CS, F.Kind, CS.Logits);
  kn::LossResult OnSigmoid = run(CS, F.Kind, S);
  for (const kn::LossResult *R : {&Perfect, &Raw, &OnSigmoid})
    if (!R->ok())
      return unconfirmed(Sample, describeOutcome(F.Kind, *R));
  std::vector<double> Grad(S.size());
  for (size_t I = 0; I < S.size(); ++I)
    Grad[I] = OnSigmoid.Grad[I] * S[I] * (1 - S[I]);
  double Ratio = norm(Raw.Grad) / norm(Grad);
  std::string Costs;
  double Lowest = INFINITY;
  for (int64_t Label : {0, 1}) {
    auto It = llvm::find(CS.Labels, Label);
    if (It == CS.Labels.end())
      continue;
    double Cost = Perfect.Loss[It - CS.Labels.begin()];
    Lowest = std::min(Lowest, Cost);
    Costs += std::string(Costs.empty() ? "" : " and ") + formatNumber(Cost, 3) +
             (Label ? " (log(1 + 1/e)) on targets of 1"
                    : " (log 2) on targets of 0");
  }
  std::string Numbers = "a perfect prediction still costs " + Costs +
                        " instead of 0, and the gradients on the logits are " +
                        formatRatio(Ratio) +
                        " smaller than without the sigmoid";
  if (Lowest > 1e-6 && Ratio > 1)
    return confirmed(Sample, Numbers);
  return unconfirmed(Sample, Numbers);
}

} // namespace

Confirmation confirm(const Claim &C, const LossCallFacts &Facts) {
  switch (C.Kind) {
  case Claim::Raises:
  case Claim::TargetOutOfRange:
    return confirmRaises(C, Facts);
  case Claim::SoftmaxBeforeCrossEntropy:
    return confirmSoftmaxBeforeCrossEntropy(Facts);
  case Claim::SoftmaxBeforeNll:
    return confirmSoftmaxBeforeNll(Facts);
  case Claim::SigmoidBeforeBce:
    return confirmSigmoidBeforeBce(Facts);
  }
  return {};
}

} // namespace torchlint
