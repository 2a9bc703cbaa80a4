//===--- LibTorchApi.h - Recognisers of LibTorch's C++ API ----------------===//
//
// Everything torchlint knows about LibTorch's spelling lives here: which
// calls are tensor methods, factories, softmaxes and losses, which classes are
// modules and module holders, how dtypes are named. The flow analysis asks
// these questions; the checks never match LibTorch calls themselves.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_LIBTORCHAPI_H
#define TORCHLINT_LIBTORCHAPI_H

#include "TensorFacts.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace torchlint {
namespace api {

/// The namespace path of a declaration, without inline namespaces
/// ("torch::nn::functional", "at", "").
std::string namespaceOf(const clang::Decl *D);

/// True for declarations of LibTorch and the standard library, whose bodies
/// the analysis models instead of reading.
bool isLibraryDecl(const clang::Decl *D);

bool isTensorType(clang::QualType T);
bool isTensorOptionsType(clang::QualType T);

/// The dtype named by a c10::ScalarType expression (torch::kLong, at::kFloat,
/// c10::ScalarType::Int, ...).
std::optional<DType> evaluateScalarType(const clang::Expr *E,
                                        const clang::ASTContext &Ctx);
bool isScalarTypeExpr(const clang::Expr *E);

/// For torch::nn::Linear, ModuleHolder<LinearImpl>, LinearImpl,
/// std::shared_ptr<LinearImpl> and user modules alike: the module class (the
/// "Impl"). Null if the type is not a module.
const clang::CXXRecordDecl *moduleImplOf(clang::QualType T);

/// The nearest torch::nn module class that Impl, a user's class, derives
/// from and whose computation is modelled (a `struct StageImpl :
/// SequentialImpl`); null if there is none.
const clang::CXXRecordDecl *libraryModuleBase(const clang::CXXRecordDecl *Impl);

/// Methods of torch::nn's modules that give one module out of another: an
/// element of a Sequential, ModuleList or ModuleDict (`list[0]`,
/// `list->at<LinearImpl>(0)`, `list->ptr(0)`, `dict["head"]`), or the module
/// itself as a given class (`m->as<Linear>()`, null if it is not one).
enum class ModuleAccess { None, Element, Cast };
ModuleAccess moduleAccessOf(llvm::StringRef Name);

/// A LibTorch options class (LinearOptions, SoftmaxFuncOptions, ...), whose
/// setters are builder methods.
bool isOptionsClass(const clang::CXXRecordDecl *RD);

/// Whether a recurrent module's state is a pair (LSTM's (h_n, c_n)).
bool hasPairState(const clang::CXXRecordDecl *Impl);

/// What a module class computes, from its name for torch::nn's own modules;
/// Custom for a module the user wrote.
ModuleKind moduleKindOf(const clang::CXXRecordDecl *Impl,
                        LossKind *Loss = nullptr);

/// Whether the in-place tensor method Name (add_, fill_, copy_, ...) writes
/// values; requires_grad_ and friends only change metadata.
bool writesValues(llvm::StringRef Name);

/// Tensor methods that give access to the elements' memory (data_ptr,
/// accessor, packed_accessor64, ...), through which they may be written
/// unseen.
bool exposesElements(llvm::StringRef Name);

/// The name of the functional form of an in-place method (add_ -> add),
/// which computes the same values; Name itself for any other method.
llvm::StringRef outOfPlaceName(llvm::StringRef Name);

/// The module whose computation a functional (F::max_pool2d, ...) or torch::
/// function performs, configured by the same options; Unknown if none.
ModuleKind functionalModuleKindOf(llvm::StringRef Name);

/// The elementwise and shape operations of at::Tensor (as methods and as
/// torch:: functions), grouped by what they do to the facts.
enum class TensorOp {
  Unknown,
  Softmax,
  LogSoftmax,
  Sigmoid,
  Exp,
  Log,
  Unsqueeze,
  Squeeze,
  View,     ///< view, reshape: explicit sizes
  Flatten,
  Permute,
  Transpose,
  T,
  ConvertTo,   ///< to, toType, type_as
  Same,        ///< detach, clone, contiguous, cpu, ...: same facts
  Elementwise, ///< relu, abs, ...: same shape and dtype, new values
  FloatElementwise, ///< sqrt, sin, ...: same shape, floating result
  Compare,     ///< gt, eq, ... and their operators: bool, broadcast shape
  Reduce,      ///< sum, mean, ...: drop the reduced dimension
  Slice,       ///< slice(dim, start, end), narrow(dim, start, length)
  Select,      ///< select(dim, index): drop a dimension
  ArgMax,      ///< argmax, argmin: int64 indices
  Arith,       ///< add, sub, mul, div and their operators
  MatMul,
  Size,        ///< size(d)
  Sizes,       ///< sizes()
  DTypeOf,     ///< dtype(), scalar_type()
  OptionsOf,   ///< options(): the tensor's dtype and device
  Index,       ///< operator[], select on dim 0
  MaxMin,      ///< max, min: with a dim, the (values, indices) pair
  Cat,         ///< cat, concat: join a list along a dimension
  Stack,       ///< stack: a new dimension
  Split,       ///< chunk, split, unbind: a list of pieces along a dimension
  Where,       ///< where(condition, x, y)
  RepeatInterleave,
  OneHot, ///< one_hot(num_classes): int64 [..., num_classes]
  Repeat, ///< repeat(sizes): the tensor tiled
  Expand, ///< expand(sizes), expand_as(other): size-1 dimensions broadcast
};
TensorOp tensorOpOf(llvm::StringRef Name);
/// Whether the result of the operation Op (named Name) holds its operand's
/// elements in the same row-major order: a copy, or a view of other sizes.
/// flip and roll keep the values but not their order.
bool keepsElementOrder(TensorOp Op, llvm::StringRef Name);

/// Tensor factories of torch:: (the at:: ones are the same functions).
enum class Factory {
  None,
  FloatFill, ///< randn, rand, zeros, ones, empty, normal: float by default
  Full,
  Randint,
  Tensor,
  Arange,
  Like,      ///< zeros_like, ones_like, ...: same shape and dtype
  RandintLike,
  FromBlob,
  ScalarTensor, ///< scalar_tensor(s): 0-d, float by default whatever s is
};
Factory factoryOf(llvm::StringRef Name);

/// Losses as free functions (torch::nn::functional::, torch::, at::).
std::optional<LossKind> lossFunctionOf(const clang::FunctionDecl *F);

/// Whether a loss function broadcasts a target whose shape is not its
/// input's instead of raising: ATen's binary_cross_entropy_with_logits
/// (torch::, at::); the size check is only in torch::nn's functional and
/// module.
bool lossBroadcastsTarget(const clang::FunctionDecl *F);

/// Whether T is a std::vector of an arithmetic type (`std::vector<float>`).
bool isVectorOfArithmetic(clang::QualType T);

/// A call, sorted by what it is in LibTorch terms.
struct ApiCall {
  enum KindTy {
    Other,          ///< not LibTorch: maybe a user function
    TensorMethod,   ///< t.unsqueeze(1)
    TorchFunction,  ///< torch::softmax(t, 1), at::cat(...), torch::randn(...)
    Functional,     ///< torch::nn::functional::softmax(t, opts)
    Operator,       ///< t + 1, t / 2
    ModuleCall,     ///< m(x), m->forward(x), m.forward(x)
    ModuleMethod,   ///< seq->push_back(...), and other module methods
    Arrow,          ///< holder.operator->(), shared_ptr::operator->
    RegisterModule, ///< register_module("fc", m)
    MakeShared,     ///< std::make_shared<NetImpl>(...)
    PassThrough,    ///< std::move, std::forward
    StdGet,         ///< std::get<I>(tuple)
    MakeTuple,      ///< std::make_pair, std::make_tuple, std::tie,
                    ///< std::forward_as_tuple
    StdMinMax,      ///< std::min, std::max (Name "min" or "max")
    StdContainer,   ///< a method of std::vector (push_back, operator[], ...)
    StdOptional,    ///< has_value, value, value_or, *, -> of std::optional
    DatasetMap,     ///< dataset.map(torch::data::transforms::Stack<>())
    MakeDataLoader, ///< torch::data::make_data_loader(dataset, ...)
    BuilderMethod,  ///< LinearOptions(1, 2).bias(false),
                    ///< TensorOptions().dtype(...)
    ScalarFunction, ///< torch::dtype(kLong), torch::device(...)
  } Kind = Other;
  llvm::StringRef Name;
  const clang::Expr *Self = nullptr;
  llvm::SmallVector<const clang::Expr *, 4> Args;
  const clang::FunctionDecl *Callee = nullptr;
};
ApiCall classifyCall(const clang::CallExpr *E);

/// In-place methods (fill_, random_, copy_, ...) that give a tensor new values
/// but keep its shape and dtype.
bool isValueRefillInPlace(llvm::StringRef Name);

/// One element of the list Tensor::index and index_put_ take
/// (`{0, Slice(1, None), None, "..."}`), as written.
struct TensorIndexItem {
  enum KindTy {
    Integer,  ///< selects one position: the dimension goes
    Slice,    ///< Slice(start, stop, step)
    NewAxis,  ///< None: a new dimension of size 1
    Ellipsis, ///< "..." or Ellipsis: the dimensions not indexed otherwise
    Other,    ///< a tensor or bool index: advanced indexing, which copies
  } Kind = Other;
  /// Integer: the position; Other: the index tensor, if one.
  const clang::Expr *Position = nullptr;
  /// Slice's start, stop and step; null where left to their defaults (None).
  const clang::Expr *Bounds[3] = {nullptr, nullptr, nullptr};
};
/// The elements of a braced list of TensorIndex, or nullopt if X is not one.
std::optional<llvm::SmallVector<TensorIndexItem, 4>>
tensorIndexList(const clang::Expr *X);

/// The tensor X is a view of when X is a tensor method that returns a view
/// (`t.narrow(1, 0, 2)`, `t[i]`, `t.index({Slice(), 0})`, `t.view(...)`,
/// ...): what is written into X is written into it. Null for anything else,
/// copies included (`t.index({mask})`, `t.reshape(...)`).
const clang::Expr *viewBase(const clang::Expr *X);

/// LibTorch's and the standard library's methods that change their object:
/// in-place tensor ops and container or module mutators.
bool mutatesObject(const clang::CXXMethodDecl *M);

/// c10::Device and c10::DeviceType: .to(device) keeps the dtype.
bool isDeviceType(clang::QualType T);

/// Library types built from one value that they only carry (std::function,
/// std::shared_ptr, c10::optional, ArrayRef, ExpandingArray, ...).
bool isValueWrapper(const clang::CXXRecordDecl *RD);

/// std::optional, which the analysis keeps as a list of no value (empty) or
/// one. (c10::optional, in LibTorch's signatures, is a value wrapper.)
bool isStdOptional(const clang::CXXRecordDecl *RD);
/// std::map, which the analysis keeps as the list of its (key, value) pairs
/// in key order.
bool isStdMap(const clang::CXXRecordDecl *RD);
/// std::nullopt's type.
bool isNulloptType(clang::QualType T);

/// torch::nn::NamedAnyModule, the {"name", module} entries of a Sequential
/// of named modules.
bool isNamedModule(const clang::CXXRecordDecl *RD);

/// The torch::data transforms whose effect on an example is modelled.
enum class DataTransform { Unknown, Stack, Normalize };
DataTransform dataTransformOf(clang::QualType T);

/// std::tuple, std::pair and torch::data::Example (data, target): values the
/// analysis keeps as lists of their members.
bool isTupleLike(const clang::CXXRecordDecl *RD);

/// A user's dataset class (derived from torch::data's datasets).
bool isUserDataset(clang::QualType T);

/// Strips implicit casts, parentheses, temporaries and cleanups.
const clang::Expr *ignoreWrappers(const clang::Expr *E);

} // namespace api
} // namespace torchlint

#endif // TORCHLINT_LIBTORCHAPI_H
