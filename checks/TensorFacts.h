//===--- TensorFacts.h - What torchlint can prove about a value -----------===//
//
// The abstract values of torchlint's flow analysis. Every field says what is
// proven and nothing more: an unknown dimension, dtype or provenance is
// std::nullopt, and joining two facts keeps only what both agree on.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TENSORFACTS_H
#define TORCHLINT_TENSORFACTS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class LambdaExpr;
class ValueDecl;
} // namespace clang

namespace torchlint {

/// A tensor element type, named as LibTorch's c10::ScalarType names it.
enum class DType {
  Bool,
  Byte,
  Char,
  Short,
  Int,
  Long,
  Half,
  BFloat16,
  Float,
  Double,
  Complex
};

std::optional<DType> dtypeFromScalarTypeName(llvm::StringRef Name);
/// "float", "int64", ... as users write them in prose.
llvm::StringRef dtypeName(DType T);
/// "Float", "Long", ... as LibTorch's error messages spell them.
llvm::StringRef dtypeScalarTypeName(DType T);
bool isFloatingDType(DType T);
bool isIntegralDType(DType T);
/// The result type of a binary arithmetic op on two tensors (type promotion).
DType promoteDTypes(DType A, DType B);

/// Where a fact was established, for the notes of a diagnostic.
struct Origin {
  clang::SourceLocation Loc;
  std::string What; ///< e.g. "torch::randn creates a float tensor"
  /// The expression that established the fact, for fix-its.
  const clang::Expr *Site = nullptr;
  bool operator==(const Origin &O) const {
    return Loc == O.Loc && What == O.What && Site == O.Site;
  }
  bool operator!=(const Origin &O) const { return !(*this == O); }
};

using Dim = std::optional<int64_t>;

/// A shape: unknown rank (std::nullopt) or a list of dimensions, each known or
/// unknown.
using Shape = std::optional<llvm::SmallVector<Dim, 4>>;
std::string formatShape(const Shape &S);
/// The number of elements, when every dimension is known.
std::optional<int64_t> numel(const Shape &S);

/// The activation whose output a tensor provably is.
enum class Activation { Softmax, LogSoftmax, Sigmoid };

/// What is proven about the values of an integer tensor: every element lies
/// in [Lo, Hi], the values of Present provably occur in it, and with Uniform
/// its elements are drawn independently and uniformly from [Lo, Hi]
/// (torch::randint).
struct ValueRange {
  int64_t Lo = 0, Hi = 0;
  /// Sorted and distinct. Only the lowest and highest values are kept: they
  /// are the ones that can fall out of a range of class indices.
  llvm::SmallVector<int64_t, 4> Present;
  /// Present lists every value of the tensor.
  bool Complete = false;
  bool Uniform = false;
  /// Where the values were established (randint, a literal, ...).
  std::optional<Origin> From;
  /// Every element in row-major order, when the tensor is small and all its
  /// values are known (a literal, a fill, and known values written at known
  /// places since): what a write into part of it updates. Only the
  /// operations that keep the order of the elements keep it, and it is read
  /// only while its size is the tensor's.
  std::shared_ptr<const std::vector<int64_t>> Elements;

  static constexpr size_t MaxPresent = 16;
  static constexpr size_t MaxElements = 1 << 16;

  static ValueRange bounds(int64_t Lo, int64_t Hi);
  static ValueRange uniform(int64_t Lo, int64_t Hi);
  /// The values of a non-empty tensor, all known.
  static ValueRange of(llvm::ArrayRef<int64_t> Values);
  /// The values of a tensor whose elements are all known, in row-major order.
  static ValueRange ofElements(std::vector<int64_t> Elements);
  enum Op { Add, Sub, Mul, Rem };
  /// The values of `tensor op C`, or nullopt if they cannot be told (a value
  /// overflows, a negative factor or divisor).
  std::optional<ValueRange> apply(Op O, int64_t C) const;
  /// The values clamped to [Min, Max].
  ValueRange clamped(int64_t Min, int64_t Max) const;

  bool operator==(const ValueRange &O) const {
    return Lo == O.Lo && Hi == O.Hi && Present == O.Present &&
           Complete == O.Complete && Uniform == O.Uniform && From == O.From &&
           (Elements == O.Elements ||
            (Elements && O.Elements && *Elements == *O.Elements));
  }
};
ValueRange join(const ValueRange &A, const ValueRange &B);
/// "{0, 2, 3}" when every value is known, else "in [0, 3]".
std::string describeValues(const ValueRange &R);

/// An unsqueeze that added a dimension to the tensor and has not been undone
/// since (a squeeze, view, reshape or flatten recomputes the shape).
struct UnsqueezeSite {
  Origin At;
  int64_t Dim; ///< the position of the added dimension, normalized
  bool operator==(const UnsqueezeSite &O) const {
    return At == O.At && Dim == O.Dim;
  }
};

struct TensorFact {
  Shape Sizes;
  /// The operation that fixed the sizes (a factory, a Linear, a view).
  std::optional<Origin> SizesOrigin;
  std::optional<DType> Type;
  std::optional<Origin> TypeOrigin;
  std::optional<ValueRange> Range;
  std::optional<Activation> Act;
  std::optional<Origin> ActOrigin;
  /// The dimension a softmax or log_softmax normalizes, when known.
  Dim ActDim;
  std::optional<UnsqueezeSite> Unsqueezed;
  /// The storage the elements live in, when a factory or an arithmetic
  /// operation, which allocate, made it here: tensors of different storages
  /// do not alias, so a write into one keeps what is known of the other.
  /// Views and other results that may share it keep their operand's.
  std::optional<unsigned> Storage;

  std::optional<size_t> rank() const {
    if (!Sizes)
      return std::nullopt;
    return Sizes->size();
  }
  bool operator==(const TensorFact &O) const;
  /// "[32, 3] int64 values in [0, 2]", for debugging output.
  std::string str() const;
};

/// TensorOptions: which dtype it sets, if any is provably set or absent.
struct OptionsFact {
  bool DTypeKnown = false; ///< false: cannot tell whether a dtype is set
  std::optional<DType> Type; ///< with DTypeKnown: the dtype, or none set
  bool operator==(const OptionsFact &O) const {
    return DTypeKnown == O.DTypeKnown && Type == O.Type;
  }
};

struct Value;
using FieldMap = llvm::DenseMap<const clang::ValueDecl *, Value>;

/// The modules of torch::nn that the analysis models.
enum class ModuleKind {
  Unknown,
  Linear,
  Conv,
  Pool,         ///< max/avg pooling: N and C kept, spatial sizes shrink
  AdaptivePool, ///< adaptive pooling, interpolate, Upsample: spatial sizes set
                ///< to the output size
  Softmax,
  LogSoftmax,
  Sigmoid,
  ShapePreserving, ///< ReLU, Dropout, BatchNorm, ... : same shape and dtype
  Flatten,
  Embedding, ///< indices [...] to vectors [..., dim]
  Recurrent, ///< RNN, LSTM, GRU: (output, state), output [..., hidden]
  Sequential,
  ModuleList, ///< no forward(): its modules are picked out by index
  ModuleDict, ///< no forward(): its modules are picked out by key
  Functional, ///< torch::nn::Functional wrapping a callable
  Custom,     ///< a user module with its own forward()
  Loss,       ///< a loss module (CrossEntropyLoss, NLLLoss, ...)
};

enum class LossKind { CrossEntropy, NLL, BCEWithLogits };
llvm::StringRef lossName(LossKind K);

/// A module object: what it computes, and for user modules the state of their
/// fields after construction.
struct ModuleFact {
  ModuleKind Kind = ModuleKind::Unknown;
  std::optional<Origin> Created; ///< where the module was constructed
  /// Linear: in/out features. Conv: in/out channels. Softmax: dim.
  /// Flatten: start/end dim. AdaptivePool: output size.
  Dim A, B;
  /// Conv and Pool, for square kernels: the spatial arithmetic.
  Dim Kernel, Stride, Padding, Dilation;
  /// Recurrent: the hidden size, the rows of the final state (num_layers *
  /// directions), whether inputs are batch-first, and whether the state is
  /// LSTM's (h, c) pair.
  Dim Hidden, StateRows;
  std::optional<bool> BatchFirst;
  bool PairState = false;
  /// Sequential, ModuleList, ModuleDict
  std::vector<std::shared_ptr<const ModuleFact>> Children;
  /// Sequential, ModuleList: modules of unknown number and kind come before
  /// Children (grown in a loop); the last modules still decide the output.
  bool UnknownPrefix = false;
  std::vector<std::string> Keys; ///< ModuleDict: the key of each child
  const clang::CXXRecordDecl *Impl = nullptr;             ///< Custom
  std::shared_ptr<const FieldMap> Fields;                 ///< Custom
  std::shared_ptr<const Value> Callable;                  ///< Functional
  LossKind Loss = LossKind::CrossEntropy;                 ///< Loss
  std::shared_ptr<const Value> LossOptions;               ///< Loss

  /// The container's modules so far are no longer known (a key or a count
  /// that is not): only modules added later will be.
  void forgetChildren() {
    Children.clear();
    Keys.clear();
    UnknownPrefix = true;
  }

  bool operator==(const ModuleFact &O) const;
};
using ModulePtr = std::shared_ptr<const ModuleFact>;

/// A callable value: a lambda (with the values it captured) or a function.
struct CallableFact {
  const clang::LambdaExpr *Lambda = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  std::shared_ptr<const FieldMap> Captures;
  bool operator==(const CallableFact &O) const {
    return Lambda == O.Lambda && Function == O.Function;
  }
};

/// Named options of a *Options builder (LinearOptions(10, 3).bias(false),
/// CrossEntropyLossOptions().ignore_index(-1), ...). Positional constructor
/// arguments are stored under "0", "1", ...
struct BuilderFact {
  llvm::SmallVector<std::pair<std::string, std::shared_ptr<const Value>>, 4>
      Entries;
  const Value *get(llvm::StringRef Name) const;
  bool operator==(const BuilderFact &O) const;
};

/// One abstract value. Kinds that cannot be proven are Unknown.
struct Value {
  enum KindTy {
    Unknown,
    Tensor,
    Module,
    Int,
    Float,
    Bool,
    IntList,
    Options,
    ScalarType,
    Callable,
    Builder,
    List,
    String
  } Kind = Unknown;
  TensorFact T;
  ModulePtr M;
  std::optional<int64_t> I; ///< Int, Bool
  std::optional<llvm::SmallVector<Dim, 4>> Ints; ///< IntList (nullopt: length unknown)
  OptionsFact O;
  std::optional<DType> ST; ///< ScalarType
  CallableFact C;
  BuilderFact B;
  std::optional<std::string> Str; ///< String (a key of a ModuleDict)
  /// List: a tuple, a pair, a braced list or a std::vector. With Exact, Items
  /// is the whole sequence; otherwise Items holds at most one value, the join
  /// of every element (none yet: an empty vector).
  std::vector<Value> Items;
  bool Exact = true;

  static Value unknown() { return Value(); }
  static Value tensor(TensorFact F) {
    Value V;
    V.Kind = Tensor;
    V.T = std::move(F);
    return V;
  }
  static Value module(ModulePtr M) {
    Value V;
    V.Kind = Module;
    V.M = std::move(M);
    return V;
  }
  static Value integer(std::optional<int64_t> I) {
    Value V;
    V.Kind = Int;
    V.I = I;
    return V;
  }
  static Value scalarType(std::optional<DType> T) {
    Value V;
    V.Kind = ScalarType;
    V.ST = T;
    return V;
  }
  static Value list(std::vector<Value> Items, bool Exact = true) {
    Value V;
    V.Kind = List;
    V.Items = std::move(Items);
    V.Exact = Exact;
    return V;
  }
  /// What any element of a List is: the join of its items.
  Value anyItem() const;
  static Value options(OptionsFact O) {
    Value V;
    V.Kind = Options;
    V.O = O;
    return V;
  }
  bool isTensor() const { return Kind == Tensor; }
  bool isModule() const { return Kind == Module && M; }
  bool operator==(const Value &O) const;
  bool operator!=(const Value &O) const { return !(*this == O); }
};

/// The least upper bound: what both values prove.
Value join(const Value &A, const Value &B);
TensorFact join(const TensorFact &A, const TensorFact &B);

} // namespace torchlint

#endif // TORCHLINT_TENSORFACTS_H
