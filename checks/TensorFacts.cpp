//===--- TensorFacts.cpp - What torchlint can prove about a value ---------===//

#include "TensorFacts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <iterator>
#include "llvm/Support/raw_ostream.h"

namespace torchlint {

std::optional<DType> dtypeFromScalarTypeName(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<DType>>(Name)
      .Case("Bool", DType::Bool)
      .Case("Byte", DType::Byte)
      .Case("Char", DType::Char)
      .Case("Short", DType::Short)
      .Case("Int", DType::Int)
      .Case("Long", DType::Long)
      .Case("Half", DType::Half)
      .Case("BFloat16", DType::BFloat16)
      .Case("Float", DType::Float)
      .Case("Double", DType::Double)
      .Cases("ComplexHalf", "ComplexFloat", "ComplexDouble", DType::Complex)
      .Default(std::nullopt);
}

llvm::StringRef dtypeName(DType T) {
  switch (T) {
  case DType::Bool:
    return "bool";
  case DType::Byte:
    return "uint8";
  case DType::Char:
    return "int8";
  case DType::Short:
    return "int16";
  case DType::Int:
    return "int32";
  case DType::Long:
    return "int64";
  case DType::Half:
    return "float16";
  case DType::BFloat16:
    return "bfloat16";
  case DType::Float:
    return "float";
  case DType::Double:
    return "double";
  case DType::Complex:
    return "complex";
  }
  return "?";
}

llvm::StringRef dtypeScalarTypeName(DType T) {
  switch (T) {
  case DType::Bool:
    return "Bool";
  case DType::Byte:
    return "Byte";
  case DType::Char:
    return "Char";
  case DType::Short:
    return "Short";
  case DType::Int:
    return "Int";
  case DType::Long:
    return "Long";
  case DType::Half:
    return "Half";
  case DType::BFloat16:
    return "BFloat16";
  case DType::Float:
    return "Float";
  case DType::Double:
    return "Double";
  case DType::Complex:
    return "ComplexFloat";
  }
  return "?";
}

bool isFloatingDType(DType T) {
  return T == DType::Half || T == DType::BFloat16 || T == DType::Float ||
         T == DType::Double;
}

bool isIntegralDType(DType T) {
  return T == DType::Byte || T == DType::Char || T == DType::Short ||
         T == DType::Int || T == DType::Long;
}

// c10's promotion lattice, restricted to the categories that matter here:
// complex > floating > integral > bool; within a category the wider wins.
DType promoteDTypes(DType A, DType B) {
  auto Category = [](DType T) {
    if (T == DType::Complex)
      return 3;
    if (isFloatingDType(T))
      return 2;
    if (isIntegralDType(T))
      return 1;
    return 0;
  };
  if (Category(A) != Category(B))
    return Category(A) > Category(B) ? A : B;
  if (A == B)
    return A;
  // uint8 with a signed integer type of the same width promotes to int16.
  if ((A == DType::Byte && B == DType::Char) ||
      (A == DType::Char && B == DType::Byte))
    return DType::Short;
  // Half with bfloat16 promotes to float.
  if ((A == DType::Half && B == DType::BFloat16) ||
      (A == DType::BFloat16 && B == DType::Half))
    return DType::Float;
  return static_cast<int>(A) > static_cast<int>(B) ? A : B;
}

std::string formatShape(const Shape &S) {
  if (!S)
    return "[?]";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << '[';
  for (size_t I = 0; I < S->size(); ++I) {
    if (I)
      OS << ", ";
    if ((*S)[I])
      OS << *(*S)[I];
    else
      OS << '?';
  }
  OS << ']';
  return Out;
}

std::optional<int64_t> numel(const Shape &S) {
  if (!S)
    return std::nullopt;
  int64_t N = 1;
  for (const Dim &D : *S)
    if (!D || *D < 0 || llvm::MulOverflow(N, *D, N))
      return std::nullopt;
  return N;
}

std::string describeValues(const ValueRange &R) {
  if (!R.Complete)
    return "in [" + std::to_string(R.Lo) + ", " + std::to_string(R.Hi) + "]";
  std::string Out = "{";
  for (size_t I = 0; I < R.Present.size(); ++I)
    Out += (I ? ", " : "") + std::to_string(R.Present[I]);
  return Out + "}";
}

llvm::StringRef lossName(LossKind K) {
  switch (K) {
  case LossKind::CrossEntropy:
    return "CrossEntropyLoss";
  case LossKind::NLL:
    return "NLLLoss";
  case LossKind::BCEWithLogits:
    return "BCEWithLogitsLoss";
  }
  return "?";
}

ValueRange ValueRange::bounds(int64_t Lo, int64_t Hi) {
  ValueRange R;
  R.Lo = Lo;
  R.Hi = Hi;
  return R;
}

ValueRange ValueRange::uniform(int64_t Lo, int64_t Hi) {
  ValueRange R = bounds(Lo, Hi);
  R.Uniform = true;
  return R;
}

/// Keeps the lowest and highest MaxPresent / 2 values of a sorted, distinct
/// list.
static void truncatePresent(llvm::SmallVectorImpl<int64_t> &Present,
                            bool &Complete) {
  if (Present.size() <= ValueRange::MaxPresent)
    return;
  size_t Half = ValueRange::MaxPresent / 2;
  Present.erase(Present.begin() + Half, Present.end() - Half);
  Complete = false;
}

ValueRange ValueRange::of(llvm::ArrayRef<int64_t> Values) {
  ValueRange R;
  R.Present.assign(Values.begin(), Values.end());
  llvm::sort(R.Present);
  R.Present.erase(std::unique(R.Present.begin(), R.Present.end()),
                  R.Present.end());
  if (R.Present.empty())
    return R;
  R.Lo = R.Present.front();
  R.Hi = R.Present.back();
  R.Complete = true;
  truncatePresent(R.Present, R.Complete);
  return R;
}

ValueRange ValueRange::ofElements(std::vector<int64_t> Elements) {
  ValueRange R = of(Elements);
  if (!Elements.empty() && Elements.size() <= MaxElements)
    R.Elements =
        std::make_shared<const std::vector<int64_t>>(std::move(Elements));
  return R;
}

/// V op C, or nullopt on overflow. Rem is torch::remainder: the result takes
/// the divisor's sign.
static std::optional<int64_t> applyOp(ValueRange::Op O, int64_t V, int64_t C) {
  int64_t R;
  switch (O) {
  case ValueRange::Add:
    return llvm::AddOverflow(V, C, R) ? std::nullopt : std::optional(R);
  case ValueRange::Sub:
    return llvm::SubOverflow(V, C, R) ? std::nullopt : std::optional(R);
  case ValueRange::Mul:
    return llvm::MulOverflow(V, C, R) ? std::nullopt : std::optional(R);
  case ValueRange::Rem:
    return ((V % C) + C) % C;
  }
  return std::nullopt;
}

std::optional<ValueRange> ValueRange::apply(Op O, int64_t C) const {
  if ((O == Mul && C <= 0) || (O == Rem && C <= 0))
    return std::nullopt;
  if (Elements) {
    std::vector<int64_t> Mapped;
    for (int64_t V : *Elements) {
      std::optional<int64_t> M = applyOp(O, V, C);
      if (!M)
        return std::nullopt;
      Mapped.push_back(*M);
    }
    ValueRange R = ofElements(std::move(Mapped));
    R.From = From;
    return R;
  }
  ValueRange R;
  R.Complete = Complete;
  R.From = From;
  for (int64_t V : Present) {
    std::optional<int64_t> Mapped = applyOp(O, V, C);
    if (!Mapped)
      return std::nullopt;
    R.Present.push_back(*Mapped);
  }
  llvm::sort(R.Present);
  R.Present.erase(std::unique(R.Present.begin(), R.Present.end()),
                  R.Present.end());
  if (O == Rem && !(Lo >= 0 && Hi < C)) {
    // Not monotonic: the bounds are the divisor's.
    R.Lo = 0;
    R.Hi = C - 1;
    return R;
  }
  std::optional<int64_t> NewLo = applyOp(O, Lo, C), NewHi = applyOp(O, Hi, C);
  if (!NewLo || !NewHi)
    return std::nullopt;
  R.Lo = *NewLo;
  R.Hi = *NewHi;
  // A uniform draw stays uniform over consecutive integers when shifted.
  R.Uniform = Uniform && (O == Add || O == Sub || O == Rem);
  return R;
}

ValueRange ValueRange::clamped(int64_t Min, int64_t Max) const {
  auto Clamp = [&](int64_t V) { return std::max(Min, std::min(Max, V)); };
  ValueRange R;
  R.Lo = Clamp(Lo);
  R.Hi = Clamp(Hi);
  R.Complete = Complete;
  R.From = From;
  for (int64_t V : Present)
    R.Present.push_back(Clamp(V));
  R.Present.erase(std::unique(R.Present.begin(), R.Present.end()),
                  R.Present.end());
  R.Uniform = Uniform && Lo >= Min && Hi <= Max;
  return R;
}

ValueRange join(const ValueRange &A, const ValueRange &B) {
  if (A == B)
    return A;
  ValueRange R = ValueRange::bounds(std::min(A.Lo, B.Lo), std::max(A.Hi, B.Hi));
  // A value is present after the join if it is on both paths.
  std::set_intersection(A.Present.begin(), A.Present.end(), B.Present.begin(),
                        B.Present.end(), std::back_inserter(R.Present));
  R.From = A.From == B.From ? A.From : std::nullopt;
  return R;
}

std::string TensorFact::str() const {
  std::string Out = formatShape(Sizes);
  if (Type)
    Out += " " + dtypeName(*Type).str();
  if (Range)
    Out += std::string(Range->Uniform ? " uniform" : "") + " values " +
           describeValues(*Range);
  if (Act)
    Out += Act == Activation::Softmax      ? " softmax"
           : Act == Activation::LogSoftmax ? " log_softmax"
                                           : " sigmoid";
  if (Unsqueezed)
    Out += " unsqueezed at " + std::to_string(Unsqueezed->Dim);
  return Out;
}

bool TensorFact::operator==(const TensorFact &O) const {
  return Sizes == O.Sizes && SizesOrigin == O.SizesOrigin && Type == O.Type &&
         TypeOrigin == O.TypeOrigin && Range == O.Range && Act == O.Act &&
         ActOrigin == O.ActOrigin && ActDim == O.ActDim &&
         Unsqueezed == O.Unsqueezed && Storage == O.Storage;
}

static bool samePtr(const std::shared_ptr<const Value> &A,
                    const std::shared_ptr<const Value> &B) {
  if (A == B)
    return true;
  return A && B && *A == *B;
}

static bool sameFields(const std::shared_ptr<const FieldMap> &A,
                       const std::shared_ptr<const FieldMap> &B) {
  if (A == B)
    return true;
  if (!A || !B || A->size() != B->size())
    return false;
  for (const auto &[Decl, V] : *A) {
    auto It = B->find(Decl);
    if (It == B->end() || It->second != V)
      return false;
  }
  return true;
}

bool ModuleFact::operator==(const ModuleFact &O) const {
  if (Kind != O.Kind || Created != O.Created || A != O.A || B != O.B ||
      Kernel != O.Kernel || Stride != O.Stride || Padding != O.Padding ||
      Dilation != O.Dilation || Hidden != O.Hidden ||
      StateRows != O.StateRows || BatchFirst != O.BatchFirst ||
      PairState != O.PairState || Impl != O.Impl || Loss != O.Loss ||
      UnknownPrefix != O.UnknownPrefix ||
      Children.size() != O.Children.size() || Keys != O.Keys)
    return false;
  for (size_t I = 0; I < Children.size(); ++I)
    if (Children[I] != O.Children[I] &&
        !(Children[I] && O.Children[I] && *Children[I] == *O.Children[I]))
      return false;
  return sameFields(Fields, O.Fields) && samePtr(Callable, O.Callable) &&
         samePtr(LossOptions, O.LossOptions);
}

const Value *BuilderFact::get(llvm::StringRef Name) const {
  // The last setter wins, as in the builder itself.
  for (auto It = Entries.rbegin(); It != Entries.rend(); ++It)
    if (It->first == Name)
      return It->second.get();
  return nullptr;
}

bool BuilderFact::operator==(const BuilderFact &O) const {
  if (Entries.size() != O.Entries.size())
    return false;
  for (size_t I = 0; I < Entries.size(); ++I)
    if (Entries[I].first != O.Entries[I].first ||
        !samePtr(Entries[I].second, O.Entries[I].second))
      return false;
  return true;
}

bool Value::operator==(const Value &O) const {
  if (Kind != O.Kind)
    return false;
  switch (Kind) {
  case Unknown:
    return true;
  case Tensor:
    return T == O.T;
  case Module:
    return M == O.M || (M && O.M && *M == *O.M);
  case Int:
  case Bool:
  case Float:
    return I == O.I;
  case IntList:
    return Ints == O.Ints;
  case Options:
    return this->O == O.O;
  case ScalarType:
    return ST == O.ST;
  case Callable:
    return C == O.C;
  case Builder:
    return B == O.B;
  case List:
    return Exact == O.Exact && Items == O.Items;
  case String:
    return Str == O.Str;
  }
  return false;
}

template <typename T>
static std::optional<T> joinOpt(const std::optional<T> &A,
                                const std::optional<T> &B) {
  if (A == B)
    return A;
  return std::nullopt;
}

static Shape joinShapes(const Shape &A, const Shape &B) {
  if (!A || !B || A->size() != B->size())
    return std::nullopt;
  llvm::SmallVector<Dim, 4> Out;
  for (size_t I = 0; I < A->size(); ++I)
    Out.push_back(joinOpt((*A)[I], (*B)[I]));
  return Out;
}

TensorFact join(const TensorFact &A, const TensorFact &B) {
  TensorFact R;
  R.Sizes = joinShapes(A.Sizes, B.Sizes);
  if (R.Sizes)
    R.SizesOrigin = joinOpt(A.SizesOrigin, B.SizesOrigin);
  R.Type = joinOpt(A.Type, B.Type);
  if (R.Type)
    R.TypeOrigin = A.TypeOrigin ? A.TypeOrigin : B.TypeOrigin;
  if (A.Range && B.Range)
    R.Range = join(*A.Range, *B.Range);
  // A provenance survives a join only if both paths carry it.
  R.Act = joinOpt(A.Act, B.Act);
  if (R.Act) {
    R.ActOrigin = A.ActOrigin ? A.ActOrigin : B.ActOrigin;
    R.ActDim = joinOpt(A.ActDim, B.ActDim);
  }
  if (A.Unsqueezed && B.Unsqueezed && R.Sizes)
    R.Unsqueezed = A.Unsqueezed;
  R.Storage = joinOpt(A.Storage, B.Storage);
  return R;
}

Value Value::anyItem() const {
  if (Kind != List || Items.empty())
    return Value();
  Value R = Items.front();
  for (size_t I = 1; I < Items.size(); ++I)
    R = join(R, Items[I]);
  return R;
}

static ModulePtr joinModules(const ModulePtr &A, const ModulePtr &B) {
  if (!A || !B)
    return nullptr;
  if (A == B || *A == *B)
    return A;
  // Sequentials and ModuleLists of different lengths keep what both end
  // with; dictionaries only what both hold under the same keys.
  bool Suffix =
      A->Kind == ModuleKind::Sequential || A->Kind == ModuleKind::ModuleList;
  if (A->Kind != B->Kind || A->Impl != B->Impl || A->Loss != B->Loss ||
      (!Suffix && A->Children.size() != B->Children.size()) ||
      A->Keys != B->Keys)
    return nullptr;
  auto R = std::make_shared<ModuleFact>(*A);
  if (A->Children.size() != B->Children.size()) {
    // Sequentials of different lengths: what both end with.
    size_t N = std::min(A->Children.size(), B->Children.size());
    R->Children.assign(A->Children.end() - N, A->Children.end());
    for (size_t I = 0; I < N; ++I)
      R->Children[I] = joinModules(R->Children[I],
                                   B->Children[B->Children.size() - N + I]);
    R->UnknownPrefix = true;
    R->Created = joinOpt(A->Created, B->Created);
    return R;
  }
  R->UnknownPrefix = A->UnknownPrefix || B->UnknownPrefix;
  R->Created = joinOpt(A->Created, B->Created);
  R->A = joinOpt(A->A, B->A);
  R->B = joinOpt(A->B, B->B);
  R->Kernel = joinOpt(A->Kernel, B->Kernel);
  R->Stride = joinOpt(A->Stride, B->Stride);
  R->Padding = joinOpt(A->Padding, B->Padding);
  R->Dilation = joinOpt(A->Dilation, B->Dilation);
  for (size_t I = 0; I < A->Children.size(); ++I)
    R->Children[I] = joinModules(A->Children[I], B->Children[I]);
  if (!samePtr(A->Callable, B->Callable))
    R->Callable = nullptr;
  if (!samePtr(A->LossOptions, B->LossOptions))
    R->LossOptions = nullptr;
  if (!sameFields(A->Fields, B->Fields)) {
    if (!A->Fields || !B->Fields) {
      R->Fields = nullptr;
    } else {
      auto Fields = std::make_shared<FieldMap>();
      for (const auto &[Decl, V] : *A->Fields) {
        auto It = B->Fields->find(Decl);
        if (It != B->Fields->end())
          (*Fields)[Decl] = join(V, It->second);
      }
      R->Fields = std::move(Fields);
    }
  }
  return R;
}

Value join(const Value &A, const Value &B) {
  if (A == B)
    return A;
  if (A.Kind != B.Kind)
    return Value::unknown();
  switch (A.Kind) {
  case Value::Tensor:
    return Value::tensor(join(A.T, B.T));
  case Value::Int:
  case Value::Bool:
  case Value::Float: {
    Value R = A;
    R.I = std::nullopt;
    return R;
  }
  case Value::IntList: {
    Value R = A;
    if (!A.Ints || !B.Ints || A.Ints->size() != B.Ints->size()) {
      R.Ints = std::nullopt;
      return R;
    }
    for (size_t I = 0; I < A.Ints->size(); ++I)
      (*R.Ints)[I] = joinOpt((*A.Ints)[I], (*B.Ints)[I]);
    return R;
  }
  case Value::ScalarType:
    return Value::scalarType(std::nullopt);
  case Value::String: {
    Value R = A;
    R.Str = std::nullopt;
    return R;
  }
  case Value::List: {
    if (A.Exact && B.Exact && A.Items.size() == B.Items.size()) {
      std::vector<Value> Items;
      for (size_t I = 0; I < A.Items.size(); ++I)
        Items.push_back(join(A.Items[I], B.Items[I]));
      return Value::list(std::move(Items));
    }
    // Lists of different lengths: what every element is.
    bool AnyA = !A.Items.empty(), AnyB = !B.Items.empty();
    std::vector<Value> Any;
    if (AnyA && AnyB)
      Any.push_back(join(A.anyItem(), B.anyItem()));
    else if (AnyA || AnyB)
      Any.push_back(AnyA ? A.anyItem() : B.anyItem());
    return Value::list(std::move(Any), /*Exact=*/false);
  }
  case Value::Module:
    if (ModulePtr M = joinModules(A.M, B.M))
      return Value::module(std::move(M));
    return Value::unknown();
  default:
    return Value::unknown();
  }
}

} // namespace torchlint
