//===--- TensorFlow.cpp - Following tensors through the program -----------===//

#include "TensorFlow.h"
#include "LibTorchApi.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <variant>

using namespace clang;

namespace torchlint {

namespace {

/// The values of locals, parameters and fields of `this` at one point.
struct Env {
  FieldMap Vars;
  bool Dead = false; ///< after return, break or continue

  bool operator==(const Env &O) const {
    if (Dead != O.Dead || Vars.size() != O.Vars.size())
      return false;
    for (const auto &[D, V] : Vars) {
      auto It = O.Vars.find(D);
      if (It == O.Vars.end() || It->second != V)
        return false;
    }
    return true;
  }
};

Env joinEnvs(const Env &A, const Env &B) {
  if (A.Dead)
    return B;
  if (B.Dead)
    return A;
  Env R;
  for (const auto &[D, V] : A.Vars) {
    auto It = B.Vars.find(D);
    if (It != B.Vars.end())
      R.Vars[D] = join(V, It->second);
  }
  return R;
}

struct LoopContext {
  std::vector<Env> Breaks, Continues;
};

/// One activation of a user function.
struct Frame {
  const FunctionDecl *Function = nullptr;
  ModulePtr This; ///< the object of a method call, if known
  std::optional<Value> Returned;
  bool ReturnedAny = false;
  std::vector<LoopContext> Loops;
  std::vector<const Expr *> CallStack;
};

constexpr unsigned MaxCallDepth = 8;
constexpr unsigned MaxLoopIterations = 4;
/// A loop counted with constants, or a range-for over a list of known items,
/// runs round by round, as the program does, for at most this many rounds;
/// lists of pieces (chunk, split) are kept one by one up to this length.
constexpr size_t MaxUnrolledItems = 64;

} // namespace

struct StridedView;

class TensorFlowAnalysis::Interpreter {
public:
  explicit Interpreter(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  std::vector<LossUse> run();

private:
  ASTContext &Ctx;
  const SourceManager &SM;
  std::map<std::pair<const Expr *, std::vector<const Expr *>>, LossUse> Uses;
  std::vector<const FunctionDecl *> ActiveCalls;
  /// Loops being run round by round. A loop inside one (or in a function it
  /// calls) is run round by round too while the rounds of the loops inside
  /// the outermost stay within a budget, so the work stays bounded; then it
  /// is analyzed as a whole.
  unsigned UnrollDepth = 0;
  unsigned NestedRoundsLeft = 0;
  bool mayUnroll() const {
    return UnrollDepth == 0 || (UnrollDepth < 3 && NestedRoundsLeft > 0);
  }
  llvm::DenseMap<const CXXRecordDecl *, ModulePtr> ClassStates;
  llvm::DenseSet<const CXXRecordDecl *> ClassStatesInProgress;
  /// For each statement of a block, the locals of the block that are read
  /// no more after it: they leave the environment there, so that branches
  /// and loops copy and join only the live variables (which keeps the
  /// analysis linear in the length of a function).
  /// A std::map: its entries stay put while nested blocks add theirs.
  std::map<const CompoundStmt *,
           std::vector<llvm::SmallVector<const VarDecl *, 2>>>
      DeadAfter;
  const std::vector<llvm::SmallVector<const VarDecl *, 2>> &
  deadAfter(const CompoundStmt *Block);

  // Statements.
  void exec(const Stmt *S, Env &E, Frame &F);
  void execLoop(const Stmt *Init, const Expr *Cond, const Stmt *Body,
                const Expr *Inc, const VarDecl *CondVar, Env &E, Frame &F,
                bool BodyFirst);
  /// Runs a range-for's body once per item of Range; writes the items back
  /// to Container when the loop variable is a reference that can write them.
  void execUnrolled(const CXXForRangeStmt *R, Value Range,
                    const ValueDecl *Container, Env &E, Frame &F);
  /// Runs a loop round by round while its condition is known (a loop
  /// counted with constants), as the program does; false, leaving E as it
  /// was, when a condition is not known or the rounds are too many.
  bool execCounted(const Expr *Cond, const Stmt *Body, const Expr *Inc, Env &E,
                   Frame &F, bool BodyFirst);
  /// One round of a loop's body: continues rejoin E, breaks join Exit.
  void execRound(const Stmt *Body, Env &E, Env &Exit, Frame &F);
  void forgetAssignedIn(const Stmt *S, Env &E);

  // Expressions.
  Value eval(const Expr *X, Env &E, Frame &F);
  Value evalExpr(const Expr *X, Env &E, Frame &F);
  Value evalChildren(const Stmt *S, Env &E, Frame &F);
  Value evalCall(const CallExpr *C, Env &E, Frame &F);
  Value evalCallWithoutWrites(const CallExpr *C, Env &E, Frame &F);
  bool writesTensorArguments(const api::ApiCall &Call, Env &E, Frame &F);
  /// Tensors share storage with their views, their elements and the copies
  /// of their handle (a callee's parameter): a write into Storage may change
  /// the values of any tensor of that storage or of one not known, which are
  /// forgotten (all of them when the storage written is not known).
  void valuesWritten(Env &E, std::optional<unsigned> Storage = std::nullopt);
  /// Counts the writes, so that a caller sees its callee's.
  unsigned ValueWrites = 0;
  /// The storage of each write, in order.
  std::vector<std::optional<unsigned>> WrittenStorages;
  unsigned NextStorage = 0;
  TensorFact &allocated(TensorFact &T) {
    T.Storage = NextStorage++;
    return T;
  }
  /// y += 1, y.add_(1): a write whose target's new values are known, from
  /// its old ones, whatever else it changed.
  void writeInPlace(const Expr *Target, const Value &Old, Value New, Env &E,
                    Frame &F);
  /// ValueWrites after the last writeInPlace: the enclosing call has then
  /// forgotten what it must already.
  unsigned SettledWrites = 0;
  Value evalConstruct(const CXXConstructExpr *C, Env &E, Frame &F);
  Value evalTensorOp(api::TensorOp Op, llvm::StringRef Name, const Value &Self,
                     llvm::ArrayRef<const Expr *> Args, const Expr *Call,
                     Env &E, Frame &F);
  Value evalFactory(api::Factory Kind, llvm::StringRef Name,
                    llvm::ArrayRef<const Expr *> Args, const Expr *Call,
                    Env &E, Frame &F);
  Value evalArith(llvm::StringRef Op, const Value &L, const Value &R,
                  const Expr *RExpr, bool HasRoundingMode, const Expr *Call);
  Shape indexedSizes(const TensorFact &T,
                     llvm::ArrayRef<api::TensorIndexItem> Items, Env &E,
                     Frame &F);
  std::optional<ValueRange> lookUp(const TensorFact &Table,
                                   const api::TensorIndexItem &Index, Env &E,
                                   Frame &F);
  bool applyView(StridedView &V, const Expr *View, Env &E, Frame &F);
  bool applyIndex(StridedView &V, llvm::ArrayRef<api::TensorIndexItem> Items,
                  Env &E, Frame &F);
  /// Known values written into a tensor variable, or into a view of one:
  /// the variable's facts afterwards.
  struct ValuesWrite {
    const ValueDecl *Target;
    TensorFact After;
  };
  using TensorIndexList = llvm::SmallVector<api::TensorIndexItem, 4>;
  std::optional<ValuesWrite>
  writeOf(const Expr *Written, const TensorFact &WrittenFact,
          const std::optional<TensorIndexList> &Index, const Value &Source,
          const Expr *Site, Env &E, Frame &F);
  std::optional<ValuesWrite> writeOf(const api::ApiCall &Call,
                                     const Value &Self, const Expr *Site,
                                     Env &E, Frame &F);
  Value tensorLiteral(const Expr *Data, const Expr *Call);
  Value compare(const TensorFact &L, const Value &R, const Expr *Call);
  Value evalContainerCall(const api::ApiCall &Call, Env &E, Frame &F);
  Value evalOptionalCall(const api::ApiCall &Call, Env &E, Frame &F);
  std::optional<size_t> firstCaseTaken(const clang::SwitchStmt *Sw,
                                       std::optional<int64_t> V);
  Value exampleOf(const Expr *Dataset, Env &E, Frame &F);
  Value concatenate(api::TensorOp Op, llvm::ArrayRef<Value> Args);
  void assign(const Expr *Target, const Value &V, Env &E, Frame &F);
  const ValueDecl *storageOf(const Expr *X);
  /// The variable whose object X is a part of (`a.b.c`, `m->options`).
  const ValueDecl *rootStorageOf(const Expr *X);

  // Modules and calls.
  Value applyModule(const ModulePtr &M, llvm::ArrayRef<Value> Args,
                    llvm::ArrayRef<const Expr *> ArgExprs, const Expr *Site,
                    Env &E, Frame &F);
  ModulePtr constructModule(const CXXRecordDecl *Impl,
                            const CXXConstructorDecl *Ctor,
                            llvm::ArrayRef<Value> Args,
                            llvm::PointerUnion<const Expr *, const FieldDecl *> At,
                            Frame &F);
  ModulePtr moduleFromType(QualType T);
  ModulePtr classState(const CXXRecordDecl *RD);
  Value callUser(const FunctionDecl *Fn, llvm::ArrayRef<Value> Args,
                 ModulePtr This, const Expr *Site, Frame &Caller,
                 const FieldMap *Captures = nullptr);
  Value callCallable(const Value &Callable, llvm::ArrayRef<Value> Args,
                     llvm::ArrayRef<const Expr *> ArgExprs, const Expr *Site,
                     Env &E, Frame &F);
  void recordLoss(LossKind Kind, const Value &Input, const Value &Target,
                  std::optional<int64_t> IgnoreIndex, const Expr *InputArg,
                  const Expr *TargetArg, const Expr *Site, Frame &F);

  bool isUserFunction(const FunctionDecl *Fn) const {
    return Fn && Fn->hasBody() && !api::isLibraryDecl(Fn);
  }
  Origin originAt(const Expr *X, std::string What) const {
    return Origin{X->getExprLoc(), std::move(What), X};
  }
  /// An origin at the module's construction if known, else at the call.
  Origin madeBy(const ModuleFact &M, const Expr *Site,
                const llvm::Twine &What) const {
    if (M.Created && M.Created->Loc.isValid())
      return Origin{M.Created->Loc, What.str(), M.Created->Site};
    return originAt(Site, What.str());
  }
  /// The values of a tensor filled with V by torch::Name.
  ValueRange filledWith(int64_t V, const Shape &Sizes, const Expr *Call,
                        llvm::StringRef Name) const {
    ValueRange R = ValueRange::bounds(V, V);
    if (std::optional<int64_t> N = numel(Sizes); N && *N > 0)
      R = *N <= static_cast<int64_t>(ValueRange::MaxElements)
              ? ValueRange::ofElements(std::vector<int64_t>(*N, V))
              : ValueRange::of({V});
    R.From = originAt(Call, ("torch::" + Name + " fills it with " +
                             std::to_string(V))
                                .str());
    return R;
  }
  llvm::SmallVector<Value, 4> evalArgs(llvm::ArrayRef<const Expr *> Args,
                                       Env &E, Frame &F) {
    llvm::SmallVector<Value, 4> Out;
    for (const Expr *A : Args)
      Out.push_back(eval(A, E, F));
    return Out;
  }
};

//===----------------------------------------------------------------------===//
// Helpers on facts
//===----------------------------------------------------------------------===//

static std::optional<int64_t> knownInt(const Value &V) {
  if (V.Kind == Value::Int || V.Kind == Value::Bool)
    return V.I;
  return std::nullopt;
}

/// Sizes given as {32, 10}, as a single integer, as a std::vector of
/// integers, or as another tensor's sizes().
static std::optional<llvm::SmallVector<Dim, 4>> sizesOf(const Value &V) {
  if (V.Kind == Value::IntList)
    return V.Ints;
  if (V.Kind == Value::Int)
    return llvm::SmallVector<Dim, 4>{V.I};
  if (V.Kind == Value::List && V.Exact) {
    llvm::SmallVector<Dim, 4> Out;
    for (const Value &Item : V.Items) {
      if (Item.Kind != Value::Int)
        return std::nullopt;
      Out.push_back(Item.I);
    }
    return Out;
  }
  return std::nullopt;
}

static Shape broadcast(const Shape &A, const Shape &B);
static void configureModule(ModuleFact &M, llvm::ArrayRef<Value> Args);

/// Whether X is `V.end()` (or `std::end(V)`), V the variable D.
static bool isEndOf(const Expr *X, const ValueDecl *D) {
  X = X->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(X);
      Construct && Construct->getNumArgs() == 1)
    X = Construct->getArg(0)->IgnoreImplicit(); // iterator to const_iterator
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(X)) {
    if (MC->getMethodDecl() && MC->getMethodDecl()->getName() == "end")
      Object = MC->getImplicitObjectArgument();
  } else if (const auto *C = dyn_cast<CallExpr>(X)) {
    const FunctionDecl *Fn = C->getDirectCallee();
    if (Fn && Fn->getName() == "end" && C->getNumArgs() == 1)
      Object = C->getArg(0);
  }
  const auto *Ref =
      Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  return Ref && Ref->getDecl() == D;
}

/// A list of integers of known length as a list of its items.
static Value asList(const Value &V) {
  if (V.Kind != Value::IntList || !V.Ints)
    return V;
  std::vector<Value> Items;
  for (const Dim &I : *V.Ints)
    Items.push_back(Value::integer(I));
  return Value::list(std::move(Items));
}

/// A key of a std::map the analysis can order: a known integer or string.
static std::optional<std::variant<int64_t, std::string>>
mapKey(const Value &K) {
  if (auto I = knownInt(K))
    return *I;
  if (K.Kind == Value::String && K.Str)
    return *K.Str;
  return std::nullopt;
}

/// The pairs of a std::map built from List, in key order and without
/// repeated keys (the first kept), or unknown unless every key is known.
static Value sortedMap(const Value &List) {
  if (List.Kind != Value::List || !List.Exact)
    return Value::unknown();
  std::vector<std::pair<std::variant<int64_t, std::string>, Value>> Pairs;
  for (const Value &Item : List.Items) {
    auto Key = Item.Kind == Value::List && Item.Exact && Item.Items.size() == 2
                   ? mapKey(Item.Items[0])
                   : std::nullopt;
    if (!Key || (!Pairs.empty() && Pairs.front().first.index() != Key->index()))
      return Value::unknown();
    if (llvm::none_of(Pairs, [&](const auto &P) { return P.first == *Key; }))
      Pairs.emplace_back(*Key, Item);
  }
  llvm::stable_sort(
      Pairs, [](const auto &A, const auto &B) { return A.first < B.first; });
  std::vector<Value> Items;
  for (auto &P : Pairs)
    Items.push_back(std::move(P.second));
  return Value::list(std::move(Items));
}

/// The method a call runs on an object whose class is known: the final
/// overrider of a virtual method, unless the call names its class
/// (`BaseImpl::score(x)`).
static const CXXMethodDecl *dispatch(const CXXMethodDecl *Method,
                                     const ModulePtr &Object,
                                     const CallExpr *Call) {
  if (!Method || !Method->isVirtual() || !Object || !Object->Impl)
    return Method;
  if (const auto *Member = dyn_cast<MemberExpr>(
          Call->getCallee()->IgnoreParenImpCasts());
      Member && Member->hasQualifier())
    return Method;
  const CXXMethodDecl *Overrider =
      Method->getCorrespondingMethodInClass(Object->Impl);
  return Overrider && Overrider->hasBody() ? Overrider : Method;
}

/// Element I of a list: exact when the list is, else what any element is.
static Value itemAt(const Value &L, std::optional<int64_t> I) {
  if (L.Kind != Value::List)
    return Value::unknown();
  if (L.Exact && I && *I >= 0 && *I < static_cast<int64_t>(L.Items.size()))
    return L.Items[*I];
  return L.anyItem();
}

/// The module at an index of a Sequential or ModuleList, or under a key of a
/// ModuleDict; null unless which module it is is proven.
static ModulePtr elementOf(const Value &Container, llvm::ArrayRef<Value> Args) {
  if (!Container.isModule() || Args.size() != 1)
    return nullptr;
  const ModuleFact &M = *Container.M;
  if (M.Kind == ModuleKind::ModuleDict) {
    if (Args[0].Kind != Value::String || !Args[0].Str)
      return nullptr;
    auto It = llvm::find(M.Keys, *Args[0].Str);
    return It == M.Keys.end() ? nullptr : M.Children[It - M.Keys.begin()];
  }
  if ((M.Kind != ModuleKind::Sequential && M.Kind != ModuleKind::ModuleList) ||
      M.UnknownPrefix)
    return nullptr; // after unknown modules, no index is known
  std::optional<int64_t> I = knownInt(Args[0]);
  if (!I || *I < 0 || *I >= static_cast<int64_t>(M.Children.size()))
    return nullptr;
  return M.Children[*I];
}

/// M seen as the module class that a cast or a typed access returns (T* of
/// as<T>(), T& of at<T>(i), shared_ptr<Module> of list[i]); unknown unless M
/// provably is one (as<T>() of another class is null).
static Value moduleAs(const ModulePtr &M, QualType T) {
  const CXXRecordDecl *Want = api::moduleImplOf(T);
  if (!M || !M->Impl || !Want)
    return Value::unknown();
  const CXXRecordDecl *Have = M->Impl->getDefinition();
  if (Have && (Have->getCanonicalDecl() == Want->getCanonicalDecl() ||
               Have->isDerivedFrom(Want)))
    return Value::module(M);
  return Value::unknown();
}

/// A user's module (`struct StageImpl : SequentialImpl`) as the torch::nn
/// class it derives from, whose forward() it inherits or calls.
static ModulePtr asLibraryBase(const ModulePtr &M) {
  auto Base = std::make_shared<ModuleFact>(*M);
  Base->Kind = api::moduleKindOf(api::libraryModuleBase(M->Impl));
  return Base;
}

/// Adds {key, module} pairs to a ModuleDict as update() does: a key it holds
/// already keeps its place and gets the new module. False if a key or the
/// number of pairs is not known.
static bool updateDict(ModuleFact &Dict, const Value &Pairs) {
  if (Pairs.Kind != Value::List || !Pairs.Exact)
    return false;
  for (const Value &P : Pairs.Items) {
    if (P.Kind != Value::List || !P.Exact || P.Items.size() != 2 ||
        P.Items[0].Kind != Value::String || !P.Items[0].Str)
      return false;
    ModulePtr Module = P.Items[1].isModule() ? P.Items[1].M : nullptr;
    auto It = llvm::find(Dict.Keys, *P.Items[0].Str);
    if (It != Dict.Keys.end()) {
      Dict.Children[It - Dict.Keys.begin()] = std::move(Module);
      continue;
    }
    Dict.Keys.push_back(*P.Items[0].Str);
    Dict.Children.push_back(std::move(Module));
  }
  return true;
}

/// An integer, or a list of equal integers (a square kernel).
static std::optional<int64_t> squareInt(const Value &V) {
  if (auto I = knownInt(V))
    return I;
  if (auto S = sizesOf(V); S && !S->empty()) {
    Dim First = S->front();
    for (const Dim &D : *S)
      if (D != First)
        return std::nullopt;
    return First;
  }
  return std::nullopt;
}

static std::optional<int64_t> normalizeDim(std::optional<int64_t> D,
                                           size_t Rank) {
  if (!D)
    return std::nullopt;
  int64_t R = static_cast<int64_t>(Rank);
  int64_t N = *D < 0 ? *D + R : *D;
  if (N < 0 || N >= R)
    return std::nullopt;
  return N;
}

/// What a dtype-converting argument (ScalarType, TensorOptions, tensor,
/// device) makes of a tensor's dtype. Returns false if it cannot be told.
static bool applyConversion(const Value &Arg, QualType ArgType, TensorFact &T,
                            const Origin &At) {
  if (Arg.Kind == Value::ScalarType) {
    T.Type = Arg.ST;
    T.TypeOrigin = At;
    return Arg.ST.has_value();
  }
  if (Arg.Kind == Value::Options) {
    if (!Arg.O.DTypeKnown)
      return false;
    if (Arg.O.Type) {
      T.Type = Arg.O.Type;
      T.TypeOrigin = At;
    }
    return true;
  }
  if (Arg.Kind == Value::Tensor) {
    T.Type = Arg.T.Type;
    T.TypeOrigin = Arg.T.TypeOrigin;
    return Arg.T.Type.has_value();
  }
  return api::isDeviceType(ArgType); // .to(device) keeps the dtype
}

/// The output size of a convolution or pooling window along one dimension.
static Dim slidingWindowSize(Dim In, const ModuleFact &M) {
  if (!In || !M.Kernel || !M.Stride || !M.Padding || !M.Dilation ||
      *M.Stride <= 0)
    return std::nullopt;
  int64_t Span = *M.Dilation * (*M.Kernel - 1) + 1;
  int64_t Out = (*In + 2 * *M.Padding - Span) / *M.Stride + 1;
  return Out > 0 ? Dim(Out) : std::nullopt;
}

/// The values changed (an activation, arithmetic): what was proven about them
/// (the activation they are the output of, their range) no longer holds.
static void forgetValues(TensorFact &T) {
  T.Act.reset();
  T.ActOrigin.reset();
  T.ActDim.reset();
  T.Range.reset();
}

/// Where Extent[Start:End:Step] starts and how many elements it has, with
/// Python's bounds (negative from the end, clamped to the extent); a bound
/// not given is that end of the extent.
static std::optional<std::pair<int64_t, int64_t>>
sliceBounds(Dim Extent, std::optional<Dim> Start, std::optional<Dim> End,
            Dim Step) {
  if (!Extent || !Step || *Step <= 0)
    return std::nullopt;
  auto Bound = [&](std::optional<Dim> B, int64_t Default) -> Dim {
    if (!B)
      return Default;
    if (!*B)
      return std::nullopt;
    int64_t V = **B < 0 ? **B + *Extent : **B;
    return std::clamp<int64_t>(V, 0, *Extent);
  };
  Dim From = Bound(Start, 0), To = Bound(End, *Extent);
  if (!From || !To)
    return std::nullopt;
  return std::make_pair(*From,
                        *To > *From ? (*To - *From + *Step - 1) / *Step : 0);
}

static Dim sliceLength(Dim Extent, std::optional<Dim> Start,
                       std::optional<Dim> End, Dim Step) {
  auto Bounds = sliceBounds(Extent, Start, End, Step);
  return Bounds ? Dim(Bounds->second) : std::nullopt;
}

/// A view of a tensor whose elements are stored in row-major order: its
/// sizes and, where they are known, where its elements are. Tensor::index
/// reads its sizes; a write into a view, its elements' positions.
struct StridedView {
  Dim Offset = 0;
  llvm::SmallVector<Dim, 4> Sizes, Strides;

  /// The whole of a tensor of sizes S.
  static std::optional<StridedView> of(const Shape &S) {
    if (!S)
      return std::nullopt;
    StridedView V;
    Dim Stride = 1;
    for (auto It = S->rbegin(); It != S->rend(); ++It) {
      V.Sizes.insert(V.Sizes.begin(), *It);
      V.Strides.insert(V.Strides.begin(), Stride);
      Stride = Stride && *It && **It >= 0
                   ? Dim(*Stride * std::max<int64_t>(**It, 1))
                   : std::nullopt;
    }
    return V;
  }
  /// Position I of dimension D (negative from the end); false where LibTorch
  /// raises (out of range).
  bool select(size_t D, Dim I) {
    if (D >= Sizes.size())
      return false;
    Dim P = I && *I < 0 ? (Sizes[D] ? Dim(*I + *Sizes[D]) : std::nullopt) : I;
    if (P && (*P < 0 || (Sizes[D] && *P >= *Sizes[D])))
      return false;
    Offset = Offset && P && Strides[D] ? Dim(*Offset + *P * *Strides[D])
                                       : std::nullopt;
    Sizes.erase(Sizes.begin() + D);
    Strides.erase(Strides.begin() + D);
    return true;
  }
  bool slice(size_t D, std::optional<Dim> Start, std::optional<Dim> End,
             Dim Step) {
    if (D >= Sizes.size())
      return false;
    auto Bounds = sliceBounds(Sizes[D], Start, End, Step);
    Offset = Bounds && Offset && Strides[D]
                 ? Dim(*Offset + Bounds->first * *Strides[D])
                 : std::nullopt;
    Sizes[D] = Bounds ? Dim(Bounds->second) : std::nullopt;
    Strides[D] = Strides[D] && Step ? Dim(*Strides[D] * *Step) : std::nullopt;
    return true;
  }
  void newAxis(size_t D) {
    Sizes.insert(Sizes.begin() + D, 1);
    Strides.insert(Strides.begin() + D, 0);
  }
  /// Where the view's elements are, in its row-major order, when known.
  std::optional<std::vector<int64_t>> offsets() const {
    if (!Offset || llvm::is_contained(Sizes, std::nullopt) ||
        llvm::is_contained(Strides, std::nullopt))
      return std::nullopt;
    std::vector<int64_t> Out;
    if (llvm::is_contained(Sizes, Dim(0)))
      return Out;
    llvm::SmallVector<int64_t, 4> At(Sizes.size(), 0);
    while (true) {
      int64_t P = *Offset;
      for (size_t I = 0; I < At.size(); ++I)
        P += At[I] * *Strides[I];
      Out.push_back(P);
      // The next position, the last dimension fastest.
      size_t I = At.size();
      while (I > 0 && ++At[I - 1] == *Sizes[I - 1])
        At[--I] = 0;
      if (I == 0)
        return Out;
    }
  }
};

/// Some of the elements are kept (a slice, an index): whatever bounds them
/// still does, but a value that occurred may be gone.
static void keepSomeValues(TensorFact &T) {
  if (!T.Range)
    return;
  T.Range->Present.clear();
  T.Range->Complete = false;
  T.Range->Elements.reset();
}

/// The output of a layer with float weights: new float values.
static void learnedFloatValues(TensorFact &T) {
  forgetValues(T);
  T.Type = DType::Float;
  T.TypeOrigin.reset();
}

/// The ignore_index a loss's options set (-100 unless they set another), or
/// nullopt if the options cannot be told.
static std::optional<int64_t> ignoreIndexOf(const Value &Options) {
  if (Options.Kind != Value::Builder)
    return std::nullopt;
  const Value *V = Options.B.get("ignore_index");
  return V ? knownInt(*V) : -100;
}

static std::string describeCall(llvm::StringRef Name, bool Method) {
  return (Method ? "." + Name.str() + "()" : "torch::" + Name.str() + "()");
}

namespace {
/// The local variables an AST subtree reads or writes, and those it declares.
class VariableUses : public RecursiveASTVisitor<VariableUses> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl()))
      Used.push_back(V);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    Declared.push_back(V);
    return true;
  }
  llvm::SmallVector<const VarDecl *, 8> Used, Declared;
};
} // namespace

const std::vector<llvm::SmallVector<const VarDecl *, 2>> &
TensorFlowAnalysis::Interpreter::deadAfter(const CompoundStmt *Block) {
  auto It = DeadAfter.find(Block);
  if (It != DeadAfter.end())
    return It->second;
  // A local declared in the block lives until the statement of the block
  // that holds its last use (a use in a nested loop or lambda is inside that
  // statement too). One declared inside a statement (a for loop's counter, an
  // if's condition variable) is out of scope after it.
  llvm::DenseMap<const VarDecl *, unsigned> LastUse;
  std::vector<llvm::SmallVector<const VarDecl *, 2>> Dead(Block->size());
  unsigned I = 0;
  for (const Stmt *Child : Block->body()) {
    VariableUses Uses;
    Uses.TraverseStmt(const_cast<Stmt *>(Child));
    for (const VarDecl *V : Uses.Declared) {
      if (!V->isLocalVarDecl() || V->isStaticLocal() ||
          isa<DecompositionDecl>(V)) // read through its bindings
        continue;
      if (isa<DeclStmt>(Child))
        LastUse[V] = I;
      else
        Dead[I].push_back(V);
    }
    for (const VarDecl *V : Uses.Used) {
      auto Declared = LastUse.find(V);
      if (Declared != LastUse.end())
        Declared->second = I;
    }
    ++I;
  }
  for (const auto &[V, Last] : LastUse)
    Dead[Last].push_back(V);
  return DeadAfter[Block] = std::move(Dead);
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

std::vector<LossUse> TensorFlowAnalysis::Interpreter::run() {
  // Roots: every function with a body written in the main file. Methods start
  // from the state their class's constructors leave the object in.
  std::vector<const FunctionDecl *> Roots;
  struct Collector {
    const SourceManager &SM;
    std::vector<const FunctionDecl *> &Out;
    void visit(const DeclContext *DC) {
      for (const Decl *D : DC->decls()) {
        // Nothing declared in a header holds a root, and reading a header's
        // declarations may load them all from a precompiled header.
        if (!isInMainFile(D))
          continue;
        if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
          for (const FunctionDecl *Spec : FT->specializations())
            add(Spec);
          continue;
        }
        if (const auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
          for (const auto *Spec : CT->specializations())
            visit(Spec);
          continue;
        }
        if (const auto *FD = dyn_cast<FunctionDecl>(D))
          add(FD);
        if (const auto *Inner = dyn_cast<DeclContext>(D))
          if (isa<NamespaceDecl>(D) || isa<CXXRecordDecl>(D) ||
              isa<LinkageSpecDecl>(D))
            visit(Inner);
      }
    }
    void add(const FunctionDecl *FD) {
      if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext())
        return;
      if (!isInMainFile(FD))
        return;
      Out.push_back(FD);
    }
    bool isInMainFile(const Decl *D) const {
      return SM.isWrittenInMainFile(SM.getExpansionLoc(D->getLocation()));
    }
  } C{SM, Roots};
  C.visit(Ctx.getTranslationUnitDecl());

  for (const FunctionDecl *Fn : Roots) {
    ModulePtr This;
    if (const auto *M = dyn_cast<CXXMethodDecl>(Fn))
      if (!isa<CXXConstructorDecl>(M) && M->isInstance())
        This = classState(M->getParent());
    Frame Root;
    llvm::SmallVector<Value, 4> Args(Fn->getNumParams());
    callUser(Fn, Args, This, nullptr, Root);
  }

  std::vector<LossUse> Out;
  for (auto &[Key, Use] : Uses)
    Out.push_back(std::move(Use));
  llvm::sort(Out, [&](const LossUse &A, const LossUse &B) {
    if (A.Call != B.Call)
      return SM.isBeforeInTranslationUnit(A.Call->getBeginLoc(),
                                          B.Call->getBeginLoc());
    return A.CallStack.size() < B.CallStack.size();
  });
  return Out;
}

Value TensorFlowAnalysis::Interpreter::callUser(const FunctionDecl *Fn,
                                                llvm::ArrayRef<Value> Args,
                                                ModulePtr This,
                                                const Expr *Site,
                                                Frame &Caller,
                                                const FieldMap *Captures) {
  const FunctionDecl *Def = nullptr;
  if (!Fn || !Fn->hasBody(Def) || !Def)
    return Value::unknown();
  if (ActiveCalls.size() >= MaxCallDepth || llvm::is_contained(ActiveCalls, Def))
    return Value::unknown();
  ActiveCalls.push_back(Def);

  Frame Callee;
  Callee.Function = Def;
  Callee.This = This;
  Callee.CallStack = Caller.CallStack;
  if (Site)
    Callee.CallStack.push_back(Site);

  Env E;
  if (Captures)
    E.Vars = *Captures;
  if (This && This->Fields)
    for (const auto &[D, V] : *This->Fields)
      E.Vars[D] = V;
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    const ParmVarDecl *P = Def->getParamDecl(I);
    if (I < Args.size())
      E.Vars[P] = Args[I];
    else if (P->hasDefaultArg() && !P->hasUninstantiatedDefaultArg() &&
             !P->hasUnparsedDefaultArg())
      E.Vars[P] = eval(P->getDefaultArg(), E, Callee);
  }

  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (Init->isAnyMemberInitializer() && Init->getInit()) {
        E.Vars[Init->getAnyMember()] = eval(Init->getInit(), E, Callee);
        continue;
      }
      // A user's base class: its constructor sets the fields it declares.
      const auto *Base = Init->isBaseInitializer()
                             ? dyn_cast_or_null<CXXConstructExpr>(
                                   api::ignoreWrappers(Init->getInit()))
                             : nullptr;
      if (!Base || api::isLibraryDecl(Base->getConstructor()))
        continue;
      llvm::SmallVector<const Expr *, 4> BaseArgs;
      for (const Expr *A : Base->arguments())
        if (!isa<CXXDefaultArgExpr>(A))
          BaseArgs.push_back(A);
      Value State = callUser(Base->getConstructor(),
                             evalArgs(BaseArgs, E, Callee), nullptr, nullptr,
                             Callee);
      if (State.isModule() && State.M->Fields)
        for (const auto &[D, V] : *State.M->Fields)
          E.Vars[D] = V;
    }

  unsigned WritesBefore = ValueWrites;
  exec(Def->getBody(), E, Callee);
  ActiveCalls.pop_back();
  // The callee's writes are not settled for its caller, whose tensors may
  // share their storages.
  if (ValueWrites != WritesBefore)
    SettledWrites = WritesBefore;

  if (isa<CXXConstructorDecl>(Def)) {
    // A constructor's result is the state of the fields it leaves.
    const CXXRecordDecl *Class = cast<CXXConstructorDecl>(Def)->getParent();
    auto Fields = std::make_shared<FieldMap>();
    for (const auto &[D, V] : E.Vars)
      if (const auto *FD = dyn_cast<FieldDecl>(D)) // its own and its bases'
        if (const auto *Owner = dyn_cast<CXXRecordDecl>(FD->getParent());
            Owner && (Owner == Class || Class->isDerivedFrom(Owner)))
          (*Fields)[D] = V;

    auto M = std::make_shared<ModuleFact>();
    M->Kind = ModuleKind::Custom;
    M->Impl = Class;
    M->Fields = std::move(Fields);
    return Value::module(std::move(M));
  }
  if (Callee.ReturnedAny && Callee.Returned)
    return *Callee.Returned;
  return Value::unknown();
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void TensorFlowAnalysis::Interpreter::exec(const Stmt *S, Env &E, Frame &F) {
  if (!S || E.Dead)
    return;
  if (const auto *X = dyn_cast<Expr>(S)) {
    eval(X, E, F);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    const auto *Block = cast<CompoundStmt>(S);
    const auto &Dead = deadAfter(Block);
    unsigned I = 0;
    for (const Stmt *Child : Block->body()) {
      exec(Child, E, F);
      for (const VarDecl *V : Dead[I++])
        E.Vars.erase(V);
    }
    return;
  }
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD)
        continue;
      if (const Expr *Init = VD->getInit()) {
        E.Vars[VD] = eval(Init, E, F);
        // `auto &x = v[i]`, `T &r = s.field`, `int &n = count`: a write
        // through the reference changes what it is bound to, which is then
        // not known (modules are shared handles and keep their identity).
        QualType T = VD->getType();
        if (T->isLValueReferenceType() &&
            !T.getNonReferenceType().isConstQualified() &&
            !api::moduleImplOf(T.getNonReferenceType()))
          if (const ValueDecl *Root = rootStorageOf(Init); Root && Root != VD)
            E.Vars.erase(Root);
      } else if (ModulePtr M = moduleFromType(VD->getType());
                 M && M->Kind == ModuleKind::Sequential)
        E.Vars[VD] = Value::module(M); // a default-constructed Sequential
      else
        E.Vars.erase(VD);
    }
    return;
  case Stmt::ReturnStmtClass: {
    Value V;
    if (const Expr *R = cast<ReturnStmt>(S)->getRetValue())
      V = eval(R, E, F);
    F.Returned = F.ReturnedAny ? join(*F.Returned, V) : V;
    F.ReturnedAny = true;
    E.Dead = true;
    return;
  }
  case Stmt::IfStmtClass: {
    const auto *If = cast<IfStmt>(S);
    exec(If->getInit(), E, F);
    Value Cond;
    if (const VarDecl *CV = If->getConditionVariable())
      E.Vars[CV] = CV->getInit() ? eval(CV->getInit(), E, F) : Value();
    else
      Cond = eval(If->getCond(), E, F);
    // A condition proven true or false (a constant, a configuration field
    // set in a constructor) takes one branch only.
    if (std::optional<int64_t> Known = knownInt(Cond)) {
      exec(*Known ? If->getThen() : If->getElse(), E, F);
      return;
    }
    Env Else = E;
    exec(If->getThen(), E, F);
    exec(If->getElse(), Else, F);
    E = joinEnvs(E, Else);
    return;
  }
  case Stmt::ForStmtClass: {
    const auto *For = cast<ForStmt>(S);
    execLoop(For->getInit(), For->getCond(), For->getBody(), For->getInc(),
             For->getConditionVariable(), E, F, false);
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    execLoop(nullptr, W->getCond(), W->getBody(), nullptr,
             W->getConditionVariable(), E, F, false);
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    execLoop(nullptr, D->getCond(), D->getBody(), nullptr, nullptr, E, F,
             true);
    return;
  }
  case Stmt::CXXForRangeStmtClass: {
    const auto *R = cast<CXXForRangeStmt>(S);
    exec(R->getInit(), E, F);
    Value Range = asList(eval(R->getRangeInit(), E, F));
    const VarDecl *Item = R->getLoopVariable();
    // `for (auto &y : ys) y -= 1` writes the container's elements.
    bool WritesItems =
        Item->getType()->isLValueReferenceType() &&
        !Item->getType().getNonReferenceType().isConstQualified();
    const ValueDecl *Container = storageOf(R->getRangeInit());
    if (mayUnroll() && Range.Kind == Value::List && Range.Exact &&
        Range.Items.size() <= MaxUnrolledItems &&
        (UnrollDepth == 0 || Range.Items.size() <= NestedRoundsLeft) &&
        (!WritesItems || (Container && !isa<DecompositionDecl>(Item)))) {
      execUnrolled(R, Range, WritesItems ? Container : nullptr, E, F);
      return;
    }
    // The loop variable is any element of the range.
    if (Range.Kind == Value::List)
      E.Vars[Item] = Range.anyItem();
    else
      E.Vars.erase(Item);
    execLoop(nullptr, nullptr, R->getBody(), nullptr, nullptr, E, F, false);
    if (WritesItems)
      if (const ValueDecl *Root = rootStorageOf(R->getRangeInit()))
        E.Vars.erase(Root);
    return;
  }
  case Stmt::BreakStmtClass:
    if (!F.Loops.empty())
      F.Loops.back().Breaks.push_back(E);
    E.Dead = true;
    return;
  case Stmt::ContinueStmtClass:
    if (!F.Loops.empty())
      F.Loops.back().Continues.push_back(E);
    E.Dead = true;
    return;
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    exec(Sw->getInit(), E, F);
    Value Cond = eval(Sw->getCond(), E, F);
    if (std::optional<size_t> First = firstCaseTaken(Sw, knownInt(Cond))) {
      // A known value (a configuration's enumerator): the program runs from
      // its case to a break or a return, through the cases below it.
      const auto *Body = cast<CompoundStmt>(Sw->getBody());
      F.Loops.emplace_back();
      for (size_t I = *First; I < Body->size(); ++I)
        exec(Body->body_begin()[I], E, F);
      LoopContext L = std::move(F.Loops.back());
      F.Loops.pop_back();
      for (const Env &Br : L.Breaks)
        E = joinEnvs(E, Br);
      if (!F.Loops.empty()) // a continue inside belongs to the loop outside
        for (const Env &C : L.Continues)
          F.Loops.back().Continues.push_back(C);
      return;
    }
    // Cases are entered from the middle: whatever a case assigns is unknown
    // after the switch, and nothing inside a case is proven more than once.
    Env Body = E;
    forgetAssignedIn(Sw->getBody(), Body);
    F.Loops.emplace_back(); // break leaves the switch
    exec(Sw->getBody(), Body, F);
    F.Loops.pop_back();
    forgetAssignedIn(Sw->getBody(), E);
    return;
  }
  case Stmt::CXXTryStmtClass: {
    const auto *Try = cast<CXXTryStmt>(S);
    Env Entry = E;
    exec(Try->getTryBlock(), E, F);
    forgetAssignedIn(Try->getTryBlock(), Entry);
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      Env H = Entry;
      exec(Try->getHandler(I)->getHandlerBlock(), H, F);
      E = joinEnvs(E, H);
    }
    return;
  }
  case Stmt::LabelStmtClass:
    exec(cast<LabelStmt>(S)->getSubStmt(), E, F);
    return;
  case Stmt::AttributedStmtClass:
    exec(cast<AttributedStmt>(S)->getSubStmt(), E, F);
    return;
  case Stmt::CaseStmtClass:
    exec(cast<CaseStmt>(S)->getSubStmt(), E, F);
    return;
  case Stmt::DefaultStmtClass:
    exec(cast<DefaultStmt>(S)->getSubStmt(), E, F);
    return;
  case Stmt::GotoStmtClass:
  case Stmt::IndirectGotoStmtClass:
    // Unstructured control flow: stop proving anything on this path.
    E.Vars.clear();
    return;
  default:
    for (const Stmt *Child : S->children())
      exec(Child, E, F);
    return;
  }
}

/// Makes every variable the statement may assign unknown.
void TensorFlowAnalysis::Interpreter::forgetAssignedIn(const Stmt *S, Env &E) {
  if (!S)
    return;
  llvm::SmallVector<const Stmt *, 32> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(Cur)) {
      if (BO->isAssignmentOp())
        Target = BO->getLHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cur)) {
      if (Op->isAssignmentOp() && Op->getNumArgs() > 0)
        Target = Op->getArg(0);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(Cur)) {
      if (UO->isIncrementDecrementOp())
        Target = UO->getSubExpr();
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cur)) {
      // In-place tensor ops, module mutators, and the user's non-const
      // methods; LibTorch's other methods leave their object as it was.
      if (api::mutatesObject(MC->getMethodDecl()))
        Target = MC->getImplicitObjectArgument();
    }
    if (Target) {
      const ValueDecl *D = storageOf(Target);
      if (!D)
        if (const auto *ME = dyn_cast<MemberExpr>(api::ignoreWrappers(Target)))
          D = storageOf(ME->getBase()); // a field of a local object
      if (D)
        E.Vars.erase(D);
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
}

void TensorFlowAnalysis::Interpreter::execUnrolled(const CXXForRangeStmt *R,
                                                   Value Range,
                                                   const ValueDecl *Container,
                                                   Env &E, Frame &F) {
  const VarDecl *Item = R->getLoopVariable();
  Env Exit;
  Exit.Dead = true;
  if (UnrollDepth++ == 0)
    NestedRoundsLeft = 4 * MaxUnrolledItems;
  else
    NestedRoundsLeft -= Range.Items.size();
  auto Done = llvm::make_scope_exit([&] { --UnrollDepth; });
  for (Value &Element : Range.Items) {
    E.Vars[Item] = Element;
    execRound(R->getBody(), E, Exit, F);
    if (Container) {
      // The element, written through the reference, is back in the list.
      auto It = E.Vars.find(Item);
      Element = It == E.Vars.end() ? Value::unknown() : It->second;
      E.Vars[Container] = Range;
    }
    if (E.Dead)
      break;
  }
  E = joinEnvs(E, Exit);
}

bool TensorFlowAnalysis::Interpreter::execCounted(const Expr *Cond,
                                                  const Stmt *Body,
                                                  const Expr *Inc, Env &E,
                                                  Frame &F, bool BodyFirst) {
  if (UnrollDepth++ == 0)
    NestedRoundsLeft = 4 * MaxUnrolledItems;
  auto Done = llvm::make_scope_exit([&] { --UnrollDepth; });
  Env S = E;
  Env Exit;
  Exit.Dead = true;
  for (size_t Round = 0;; ++Round) {
    if (Round == MaxUnrolledItems)
      return false;
    if (UnrollDepth > 1 && NestedRoundsLeft-- == 0) {
      NestedRoundsLeft = 0;
      return false;
    }
    // A do-while's first round runs before its condition is read.
    if (Cond && (!BodyFirst || Round > 0)) {
      std::optional<int64_t> Go = knownInt(eval(Cond, S, F));
      if (!Go)
        return false;
      if (!*Go)
        break;
    }
    execRound(Body, S, Exit, F);
    if (S.Dead)
      break;
    eval(Inc, S, F);
  }
  E = joinEnvs(S, Exit);
  return true;
}

/// The statement of a switch's body where it starts for the value V: the one
/// labeled with V's case, or default; none for a value no label takes (the
/// switch runs nothing) or when which label V takes cannot be told (V
/// unknown, a label not at the body's top level).
std::optional<size_t>
TensorFlowAnalysis::Interpreter::firstCaseTaken(const SwitchStmt *Sw,
                                                std::optional<int64_t> V) {
  const auto *Body = dyn_cast<CompoundStmt>(Sw->getBody());
  if (!V || !Body)
    return std::nullopt;
  unsigned Labels = 0;
  for (const SwitchCase *C = Sw->getSwitchCaseList(); C;
       C = C->getNextSwitchCase())
    ++Labels;
  std::optional<size_t> Match, Default;
  for (size_t I = 0; I < Body->size(); ++I) {
    const Stmt *Child = Body->body_begin()[I];
    // case A: case B: default: stmt nests its labels.
    while (const auto *C = dyn_cast<SwitchCase>(Child)) {
      --Labels;
      if (isa<DefaultStmt>(C)) {
        Default = Default.value_or(I);
      } else {
        const auto *Case = cast<CaseStmt>(C);
        Expr::EvalResult R;
        if (Case->caseStmtIsGNURange() ||
            !Case->getLHS()->EvaluateAsInt(R, Ctx))
          return std::nullopt;
        if (R.Val.getInt().getExtValue() == *V)
          Match = Match.value_or(I);
      }
      Child = C->getSubStmt();
    }
  }
  if (Labels != 0)
    return std::nullopt; // a label inside a nested statement
  if (Match)
    return Match;
  return Default ? Default : std::optional<size_t>(Body->size());
}

void TensorFlowAnalysis::Interpreter::execRound(const Stmt *Body, Env &E,
                                                Env &Exit, Frame &F) {
  F.Loops.emplace_back();
  exec(Body, E, F);
  LoopContext L = std::move(F.Loops.back());
  F.Loops.pop_back();
  for (const Env &C : L.Continues)
    E = joinEnvs(E, C);
  for (const Env &Br : L.Breaks)
    Exit = joinEnvs(Exit, Br);
}

void TensorFlowAnalysis::Interpreter::execLoop(const Stmt *Init,
                                               const Expr *Cond,
                                               const Stmt *Body,
                                               const Expr *Inc,
                                               const VarDecl *CondVar, Env &E,
                                               Frame &F, bool BodyFirst) {
  exec(Init, E, F);
  if (!CondVar && mayUnroll() && execCounted(Cond, Body, Inc, E, F, BodyFirst))
    return;
  Env Head = E;
  Env Exit;
  Exit.Dead = true;
  for (unsigned Iter = 0;; ++Iter) {
    bool Widen = Iter + 1 == MaxLoopIterations;
    if (Widen)
      forgetAssignedIn(Body, Head), forgetAssignedIn(Inc, Head);
    Env B = Head;
    if (!BodyFirst) {
      if (CondVar)
        B.Vars[CondVar] =
            CondVar->getInit() ? eval(CondVar->getInit(), B, F) : Value();
      else if (Cond)
        eval(Cond, B, F);
    }
    Env AfterCond = B;
    execRound(Body, B, Exit, F);
    if (!B.Dead)
      eval(Inc, B, F);
    if (BodyFirst && !B.Dead && Cond)
      eval(Cond, B, F);
    Exit = joinEnvs(BodyFirst ? B : AfterCond, Exit);
    Env Next = joinEnvs(Head, B);
    if (Next == Head || Widen)
      break;
    Head = std::move(Next);
  }
  E = Exit.Dead ? Head : Exit;
  E.Dead = false;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value TensorFlowAnalysis::Interpreter::evalChildren(const Stmt *S, Env &E,
                                                    Frame &F) {
  for (const Stmt *Child : S->children())
    if (const auto *X = dyn_cast_or_null<Expr>(Child))
      eval(X, E, F);
  return Value::unknown();
}

/// An element of a standard container, as an lvalue: `v[i]`, `m.at(k)`,
/// `v.back()`.
static bool isContainerElement(const api::ApiCall &C) {
  return C.Kind == api::ApiCall::StdContainer && C.Self &&
         llvm::is_contained({"[]", "at", "front", "back"}, C.Name);
}

const ValueDecl *TensorFlowAnalysis::Interpreter::rootStorageOf(const Expr *X) {
  while (X) {
    if (const ValueDecl *D = storageOf(X))
      return D;
    X = api::ignoreWrappers(X);
    if (const auto *ME = dyn_cast<MemberExpr>(X)) {
      X = ME->getBase();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(X);
               Op && Op->getOperator() == OO_Arrow) {
      X = Op->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(X)) {
      api::ApiCall C = api::classifyCall(Call);
      if (!isContainerElement(C))
        return nullptr;
      X = C.Self;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// The variable or field of `this` an expression names, if any.
const ValueDecl *TensorFlowAnalysis::Interpreter::storageOf(const Expr *X) {
  while (true) {
    X = api::ignoreWrappers(X);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(X)) {
      // holder->, *ptr
      if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
          Op->getNumArgs() == 1) {
        X = Op->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(X))
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        X = UO->getSubExpr();
        continue;
      }
    break;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(X))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(X))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

void TensorFlowAnalysis::Interpreter::assign(const Expr *Target,
                                             const Value &V, Env &E,
                                             Frame &F) {
  if (const ValueDecl *D = storageOf(Target)) {
    E.Vars[D] = V;
    return;
  }
  // cfg.hidden = 16, state.model = ...: a field of a local object.
  if (const auto *ME = dyn_cast<MemberExpr>(api::ignoreWrappers(Target)))
    if (const ValueDecl *Base = storageOf(ME->getBase())) {
      auto It = E.Vars.find(Base);
      if (It != E.Vars.end() && It->second.isModule() &&
          It->second.M->Kind == ModuleKind::Custom) {
        auto Object = std::make_shared<ModuleFact>(*It->second.M);
        auto Fields = std::make_shared<FieldMap>(
            Object->Fields ? *Object->Fields : FieldMap());
        (*Fields)[ME->getMemberDecl()] = V;
        Object->Fields = std::move(Fields);
        It->second = Value::module(std::move(Object));
      } else {
        E.Vars.erase(Base);
      }
      return;
    }
  if (const auto *Call = dyn_cast<CallExpr>(api::ignoreWrappers(Target))) {
    api::ApiCall C = api::classifyCall(Call);
    if (isContainerElement(C)) {
      // v[i] = x, m[key] = x: the element when the container and the index
      // or key are known, else the container is unknown.
      const ValueDecl *D = storageOf(C.Self);
      Value Index = C.Args.empty() ? Value() : eval(C.Args[0], E, F);
      auto It = D ? E.Vars.find(D) : E.Vars.end();
      bool Map = api::isStdMap(
          C.Self->getType().getNonReferenceType()->getAsCXXRecordDecl());
      Value Updated = It != E.Vars.end() ? asList(It->second) : Value();
      if (Updated.Kind == Value::List && Updated.Exact &&
          (C.Name == "[]" || C.Name == "at")) {
        if (Map) {
          auto Key = mapKey(Index);
          bool Found = false;
          for (Value &Pair : Updated.Items)
            if (Key && Pair.Kind == Value::List && Pair.Items.size() == 2 &&
                mapKey(Pair.Items[0]) == Key) {
              Pair.Items[1] = V;
              Found = true;
            }
          if (Key && !Found && C.Name == "[]") {
            Updated.Items.push_back(Value::list({Index, V}));
            Updated = sortedMap(Updated);
            Found = Updated.Kind == Value::List;
          }
          if (Found) {
            It->second = std::move(Updated);
            return;
          }
        } else if (auto I = knownInt(Index);
                   I && *I >= 0 &&
                   *I < static_cast<int64_t>(Updated.Items.size())) {
          Updated.Items[*I] = V;
          It->second = std::move(Updated);
          return;
        }
      }
      if (const ValueDecl *Root = rootStorageOf(Target))
        E.Vars.erase(Root);
      return;
    }
  }
  eval(Target, E, F);
}

Value TensorFlowAnalysis::Interpreter::eval(const Expr *X, Env &E, Frame &F) {
  Value V = evalExpr(X, E, F);
  if (V.Kind != Value::Unknown || !X || X->isTypeDependent())
    return V;
  // An unknown integer or tensor is still one: a size in {n, 10}, a tensor
  // whose facts are unknown but whose softmax is a softmax.
  QualType T = X->getType();
  if (T->isIntegerType() && !T->isBooleanType())
    return Value::integer(std::nullopt);
  if (api::isTensorType(T) && !T->isPointerType())
    return Value::tensor(TensorFact());
  return V;
}

Value TensorFlowAnalysis::Interpreter::evalExpr(const Expr *X, Env &E,
                                                Frame &F) {
  if (!X)
    return Value::unknown();
  X = api::ignoreWrappers(X);
  if (X->isValueDependent() || X->isTypeDependent())
    return Value::unknown();

  QualType Ty = X->getType();
  if (api::isScalarTypeExpr(X))
    if (auto T = api::evaluateScalarType(X, Ctx))
      return Value::scalarType(T);

  // Integer constants, including constexpr and const-initialised variables.
  if (Ty->isIntegralOrEnumerationType() && !isa<CallExpr>(X)) {
    Expr::EvalResult R;
    if (X->EvaluateAsInt(R, Ctx)) {
      Value V = Value::integer(R.Val.getInt().getExtValue());
      if (Ty->isBooleanType())
        V.Kind = Value::Bool;
      return V;
    }
  }

  switch (X->getStmtClass()) {
  case Stmt::DeclRefExprClass: {
    const ValueDecl *D = cast<DeclRefExpr>(X)->getDecl();
    auto It = E.Vars.find(D);
    if (It != E.Vars.end())
      return It->second;
    if (const auto *BD = dyn_cast<BindingDecl>(D)) {
      // auto [x, y] = ...: an element of the decomposed value.
      if (const VarDecl *Holding = BD->getHoldingVar())
        return Holding->getInit() ? eval(Holding->getInit(), E, F)
                                  : Value::unknown();
      return eval(BD->getBinding(), E, F);
    }
    if (const auto *Fn = dyn_cast<FunctionDecl>(D)) {
      Value V;
      V.Kind = Value::Callable;
      V.C.Function = Fn;
      return V;
    }
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->hasGlobalStorage() && VD->getType().isConstQualified() &&
          VD->getInit() && !VD->getType()->isIntegralOrEnumerationType()) {
        Env Global;
        return eval(VD->getInit(), Global, F);
      }
    return Value::unknown();
  }
  case Stmt::MemberExprClass: {
    const auto *ME = cast<MemberExpr>(X);
    if (const ValueDecl *D = storageOf(ME)) {
      auto It = E.Vars.find(D);
      return It != E.Vars.end() ? It->second : Value::unknown();
    }
    Value Base = eval(ME->getBase(), E, F);
    if (Base.Kind == Value::List)
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        return itemAt(Base, FD->getFieldIndex()); // pair.first, pair.second
    if (Base.isModule() && Base.M->Fields) {
      auto It = Base.M->Fields->find(ME->getMemberDecl());
      if (It != Base.M->Fields->end())
        return It->second;
    }
    return Value::unknown();
  }
  case Stmt::CXXThisExprClass:
    if (F.This) {
      // The object with its fields as this function has left them so far.
      auto M = std::make_shared<ModuleFact>(*F.This);
      auto Fields = std::make_shared<FieldMap>();
      if (F.This->Fields)
        *Fields = *F.This->Fields;
      for (const auto &[D, V] : E.Vars)
        if (isa<FieldDecl>(D))
          (*Fields)[D] = V;
      M->Fields = std::move(Fields);
      return Value::module(std::move(M));
    }
    return Value::unknown();
  case Stmt::CallExprClass:
  case Stmt::CXXMemberCallExprClass:
  case Stmt::CXXOperatorCallExprClass:
    return evalCall(cast<CallExpr>(X), E, F);
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass:
    return evalConstruct(cast<CXXConstructExpr>(X), E, F);
  case Stmt::ConditionalOperatorClass: {
    const auto *CO = cast<ConditionalOperator>(X);
    if (std::optional<int64_t> Known = knownInt(eval(CO->getCond(), E, F)))
      return eval(*Known ? CO->getTrueExpr() : CO->getFalseExpr(), E, F);
    Env Other = E;
    Value A = eval(CO->getTrueExpr(), E, F);
    Value B = eval(CO->getFalseExpr(), Other, F);
    E = joinEnvs(E, Other);
    return join(A, B);
  }
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass: {
    const auto *BO = cast<BinaryOperator>(X);
    if (BO->getOpcode() == BO_Assign) {
      Value V = eval(BO->getRHS(), E, F);
      assign(BO->getLHS(), V, E, F);
      return V;
    }
    if (BO->getOpcode() == BO_Comma) {
      eval(BO->getLHS(), E, F);
      return eval(BO->getRHS(), E, F);
    }
    if (BO->isLogicalOp()) {
      // a && b, a || b: b is evaluated only when a does not decide.
      if (std::optional<int64_t> A = knownInt(eval(BO->getLHS(), E, F))) {
        if ((BO->getOpcode() == BO_LAnd) != (*A != 0))
          return Value::integer(*A != 0);
        std::optional<int64_t> B = knownInt(eval(BO->getRHS(), E, F));
        return Value::integer(B ? std::optional<int64_t>(*B != 0)
                                : std::nullopt);
      }
      Env Other = E;
      eval(BO->getRHS(), Other, F);
      E = joinEnvs(E, Other);
      return Value::unknown();
    }
    Value L = eval(BO->getLHS(), E, F);
    Value R = eval(BO->getRHS(), E, F);
    std::optional<int64_t> A = knownInt(L), B = knownInt(R);
    std::optional<int64_t> Result;
    if (A && B) {
      switch (BO->getOpcode()) {
      case BO_Add:
      case BO_AddAssign:
        Result = *A + *B;
        break;
      case BO_Sub:
      case BO_SubAssign:
        Result = *A - *B;
        break;
      case BO_Mul:
      case BO_MulAssign:
        Result = *A * *B;
        break;
      case BO_Div:
      case BO_DivAssign:
        if (*B != 0)
          Result = *A / *B;
        break;
      case BO_Rem:
      case BO_RemAssign:
        if (*B != 0)
          Result = *A % *B;
        break;
      case BO_LT:
        Result = *A < *B;
        break;
      case BO_GT:
        Result = *A > *B;
        break;
      case BO_LE:
        Result = *A <= *B;
        break;
      case BO_GE:
        Result = *A >= *B;
        break;
      case BO_EQ:
        Result = *A == *B;
        break;
      case BO_NE:
        Result = *A != *B;
        break;
      default:
        break;
      }
    }
    Value V = Ty->isIntegerType() ? Value::integer(Result) : Value::unknown();
    if (BO->isCompoundAssignmentOp())
      assign(BO->getLHS(), V, E, F);
    return V;
  }
  case Stmt::UnaryOperatorClass: {
    const auto *UO = cast<UnaryOperator>(X);
    Value V = eval(UO->getSubExpr(), E, F);
    if (UO->isIncrementDecrementOp()) {
      std::optional<int64_t> Old;
      if (UO->getSubExpr()->getType()->isIntegerType())
        Old = knownInt(V);
      if (!Old) {
        assign(UO->getSubExpr(), Value::integer(std::nullopt), E, F);
        return Value::unknown();
      }
      int64_t New = *Old + (UO->isIncrementOp() ? 1 : -1);
      assign(UO->getSubExpr(), Value::integer(New), E, F);
      return Value::integer(UO->isPrefix() ? New : *Old);
    }
    if (UO->getOpcode() == UO_Minus && knownInt(V))
      return Value::integer(-*knownInt(V));
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf ||
        UO->getOpcode() == UO_Plus)
      return V;
    return Value::unknown();
  }
  case Stmt::CXXStaticCastExprClass:
  case Stmt::CStyleCastExprClass:
  case Stmt::CXXFunctionalCastExprClass:
  case Stmt::ImplicitCastExprClass:
    return eval(cast<CastExpr>(X)->getSubExpr(), E, F);
  case Stmt::CXXDefaultInitExprClass:
    return eval(cast<CXXDefaultInitExpr>(X)->getExpr(), E, F);
  case Stmt::CXXStdInitializerListExprClass:
    return eval(cast<CXXStdInitializerListExpr>(X)->getSubExpr(), E, F);
  case Stmt::InitListExprClass: {
    const auto *IL = cast<InitListExpr>(X);
    std::vector<Value> Items;
    for (const Expr *Init : IL->inits())
      Items.push_back(eval(Init, E, F));
    const CXXRecordDecl *RD = IL->getType()->getAsCXXRecordDecl();
    if (RD && !api::isLibraryDecl(RD) && RD->isAggregate()) {
      // Batch{tokens, tags}: a user struct, field by field.
      auto Fields = std::make_shared<FieldMap>();
      size_t I = 0;
      for (const FieldDecl *FD : RD->fields())
        if (I < Items.size())
          (*Fields)[FD] = Items[I++];
      auto M = std::make_shared<ModuleFact>();
      M->Kind = ModuleKind::Custom;
      M->Impl = RD;
      M->Fields = std::move(Fields);
      return Value::module(std::move(M));
    }
    if (IL->getNumInits() == 1 && !IL->getType()->isArrayType())
      return Items.front(); // a brace-initialised object
    if (llvm::all_of(Items, [](const Value &V) { return V.Kind == Value::Int; })) {
      Value Ints;
      Ints.Kind = Value::IntList;
      Ints.Ints.emplace();
      for (const Value &V : Items)
        Ints.Ints->push_back(V.I);
      return Ints;
    }
    return Value::list(std::move(Items));
  }
  case Stmt::LambdaExprClass: {
    Value V;
    V.Kind = Value::Callable;
    V.C.Lambda = cast<LambdaExpr>(X);
    V.C.Captures = std::make_shared<FieldMap>(E.Vars);
    return V;
  }
  case Stmt::StringLiteralClass: {
    const auto *SL = cast<StringLiteral>(X);
    Value V;
    V.Kind = Value::String;
    if (SL->getCharByteWidth() == 1)
      V.Str = SL->getString().str();
    return V;
  }
  case Stmt::CXXBoolLiteralExprClass:
    return Value::integer(cast<CXXBoolLiteralExpr>(X)->getValue());
  case Stmt::FloatingLiteralClass: {
    Value V;
    V.Kind = Value::Float;
    return V;
  }
  default:
    return evalChildren(X, E, F);
  }
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

/// Forgets the values of the tensors in V that may live in Storage (any
/// storage if not known).
static void forgetValueSets(Value &V,
                            std::optional<unsigned> Storage = std::nullopt) {
  if (V.isTensor() && (!Storage || !V.T.Storage || V.T.Storage == Storage))
    V.T.Range.reset();
  for (Value &Item : V.Items)
    forgetValueSets(Item, Storage);
}

void TensorFlowAnalysis::Interpreter::valuesWritten(
    Env &E, std::optional<unsigned> Storage) {
  for (auto &Var : E.Vars)
    forgetValueSets(Var.second, Storage);
  WrittenStorages.push_back(Storage);
  ++ValueWrites;
}

void TensorFlowAnalysis::Interpreter::writeInPlace(const Expr *Target,
                                                  const Value &Old, Value New,
                                                  Env &E, Frame &F) {
  std::optional<unsigned> Storage =
      Old.isTensor() ? Old.T.Storage : std::nullopt;
  valuesWritten(E, Storage);
  if (New.isTensor() && Old.isTensor() && Old.T.Type &&
      New.T.Type != Old.T.Type) {
    New.T.Type = Old.T.Type; // in place: the dtype is the target's
    New.T.TypeOrigin = Old.T.TypeOrigin;
  }
  if (New.isTensor())
    New.T.Storage = Storage; // in place: the target's storage
  if (New.isTensor())
    assign(Target, New, E, F);
  else if (const ValueDecl *D = storageOf(Target))
    E.Vars.erase(D);
  SettledWrites = ValueWrites;
}

Value TensorFlowAnalysis::Interpreter::evalCall(const CallExpr *C, Env &E,
                                                Frame &F) {
  unsigned WritesBefore = ValueWrites;
  Value R = evalCallWithoutWrites(C, E, F);
  // A write in a callee, or in a nested call, unless the call was the write
  // and has settled it. A user function's result is computed after its
  // writes.
  if (ValueWrites != WritesBefore && ValueWrites != SettledWrites) {
    bool ResultAfterWrites = isUserFunction(C->getDirectCallee());
    for (unsigned I = WritesBefore; I < ValueWrites; ++I) {
      for (auto &Var : E.Vars)
        forgetValueSets(Var.second, WrittenStorages[I]);
      if (!ResultAfterWrites)
        forgetValueSets(R, WrittenStorages[I]);
    }
  }
  return R;
}

/// at::fill_(t, 0), torch::sub_out(out, a, b), torch::nn::init::constant_(t,
/// 1): LibTorch's functions write the tensors they take by non-const
/// reference, and may resize them; a function named as in-place (a trailing
/// _) writes its first argument, even when it takes the handle by value.
/// Whether the call writes one: its values are then forgotten, and so is the
/// variable.
bool TensorFlowAnalysis::Interpreter::writesTensorArguments(
    const api::ApiCall &Call, Env &E, Frame &F) {
  const FunctionDecl *Fn = Call.Callee;
  if (!Fn || Call.Self)
    return false;
  bool InPlace = Fn->getDeclName().isIdentifier() &&
                 api::outOfPlaceName(Fn->getName()) != Fn->getName();
  // A forwarding reference (std::make_shared<T>(Args &&...)) only passes
  // its argument on.
  const FunctionDecl *Pattern = Fn->getTemplateInstantiationPattern();
  auto Forwards = [&](unsigned I) {
    if (!Pattern || Pattern->getNumParams() == 0)
      return false;
    // Arguments past the pattern's parameters are its trailing pack's.
    unsigned Last = Pattern->getNumParams() - 1;
    const ParmVarDecl *P = Pattern->getParamDecl(std::min(I, Last));
    if (I > Last && !P->isParameterPack())
      return false;
    QualType T = P->getType();
    if (const auto *Pack = T->getAs<PackExpansionType>())
      T = Pack->getPattern();
    const auto *RV = T->getAs<RValueReferenceType>();
    return RV && RV->getPointeeType()->getAs<TemplateTypeParmType>();
  };
  bool Writes = false;
  for (unsigned I = 0; I < Call.Args.size() && I < Fn->getNumParams(); ++I) {
    QualType PT = Fn->getParamDecl(I)->getType();
    if (!api::isTensorType(PT.getNonReferenceType()) || Forwards(I))
      continue;
    bool ByReference = PT->isLValueReferenceType() &&
                       !PT.getNonReferenceType().isConstQualified();
    if (!ByReference && !(InPlace && I == 0))
      continue;
    Value Written = eval(Call.Args[I], E, F);
    valuesWritten(E, Written.isTensor() ? Written.T.Storage : std::nullopt);
    if (const ValueDecl *D = rootStorageOf(Call.Args[I]))
      E.Vars.erase(D);
    Writes = true;
  }
  return Writes;
}

Value TensorFlowAnalysis::Interpreter::evalCallWithoutWrites(const CallExpr *C,
                                                             Env &E, Frame &F) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    // Copy and move assignment of tensors, modules, options, user objects.
    Value V = eval(Op->getArg(1), E, F);
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (Method && Method->getRefQualifier() == RQ_RValue &&
        api::isTensorType(Op->getArg(0)->getType())) {
      // t[i] = x, t.slice(...) = x: Tensor's operator= on an rvalue copies
      // into the storage (on an lvalue it rebinds the handle).
      Value Region = eval(Op->getArg(0), E, F);
      std::optional<ValuesWrite> W;
      if (Region.isTensor())
        W = writeOf(Op->getArg(0), Region.T, std::nullopt, V, Op, E, F);
      valuesWritten(E, Region.isTensor() ? Region.T.Storage : std::nullopt);
      if (W) {
        E.Vars[W->Target] = Value::tensor(W->After);
        SettledWrites = ValueWrites;
      }
      return V;
    }
    if (const auto *Tie = dyn_cast<CallExpr>(api::ignoreWrappers(Op->getArg(0)));
        Tie && api::classifyCall(Tie).Kind == api::ApiCall::MakeTuple) {
      // std::tie(a, b) = f();
      for (unsigned I = 0; I < Tie->getNumArgs(); ++I)
        assign(Tie->getArg(I), itemAt(V, I), E, F);
      return V;
    }
    const CXXRecordDecl *L = Op->getArg(0)->getType()->getAsCXXRecordDecl();
    const CXXRecordDecl *R = api::ignoreWrappers(Op->getArg(1))
                                 ->getType()
                                 ->getAsCXXRecordDecl();
    bool SameKind = L && R &&
                    (L == R || L->isDerivedFrom(R) || R->isDerivedFrom(L) ||
                     (api::moduleImplOf(Op->getArg(0)->getType()) &&
                      api::moduleImplOf(Op->getArg(0)->getType()) ==
                          api::moduleImplOf(Op->getArg(1)->getType())));
    if (api::isStdOptional(L) && !api::isStdOptional(R))
      // opt = std::nullopt, opt = value
      V = api::isNulloptType(Op->getArg(1)->getType()) ? Value::list({})
                                                       : Value::list({V});
    else if (!SameKind && !api::isValueWrapper(L))
      V = Value::unknown();
    // A std::function assigned a lambda, a string a literal: the value.
    assign(Op->getArg(0), V, E, F);
    return V;
  }
  api::ApiCall Call = api::classifyCall(C);
  switch (Call.Kind) {
  case api::ApiCall::PassThrough:
  case api::ApiCall::Arrow:
    return eval(Call.Self ? Call.Self : Call.Args.empty() ? nullptr
                                                          : Call.Args[0],
                E, F);
  case api::ApiCall::RegisterModule:
    if (!Call.Args.empty())
      return eval(Call.Args.back(), E, F);
    return Value::unknown();
  case api::ApiCall::MakeShared: {
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    const CXXRecordDecl *Impl = api::moduleImplOf(C->getType());
    if (ModulePtr M = constructModule(Impl, nullptr, Args, C, F))
      return Value::module(M);
    return Value::unknown();
  }
  case api::ApiCall::StdGet: {
    llvm::SmallVector<Value, 1> Args = evalArgs(Call.Args, E, F);
    const TemplateArgumentList *TA =
        Call.Callee->getTemplateSpecializationArgs();
    if (Args.size() != 1 || Args[0].Kind != Value::List || !TA ||
        TA->size() == 0 || TA->get(0).getKind() != TemplateArgument::Integral)
      return Value::unknown();
    return itemAt(Args[0], TA->get(0).getAsIntegral().getExtValue());
  }
  case api::ApiCall::StdMinMax: {
    // std::max(a, b), std::min({a, b, c}) of known integers.
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    std::vector<int64_t> Ints;
    for (const Value &A : Args) {
      if (A.Kind == Value::IntList && A.Ints)
        for (const Dim &D : *A.Ints)
          Ints.push_back(D.value_or(INT64_MIN));
      else
        Ints.push_back(knownInt(A).value_or(INT64_MIN));
    }
    if (Ints.empty() || llvm::is_contained(Ints, INT64_MIN) ||
        !C->getType()->isIntegerType())
      return Value::integer(std::nullopt);
    return Value::integer(Call.Name == "max" ? *llvm::max_element(Ints)
                                             : *llvm::min_element(Ints));
  }
  case api::ApiCall::MakeTuple: {
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    return Value::list(std::vector<Value>(Args.begin(), Args.end()));
  }
  case api::ApiCall::StdContainer:
    return evalContainerCall(Call, E, F);
  case api::ApiCall::StdOptional:
    return evalOptionalCall(Call, E, F);
  case api::ApiCall::DatasetMap: {
    // A dataset of single examples stacked into batches: a list of batches.
    evalArgs(Call.Args, E, F);
    if (Call.Args.size() != 1 ||
        api::dataTransformOf(Call.Args[0]->getType()) !=
            api::DataTransform::Stack)
      return Value::unknown();
    Value Example = exampleOf(Call.Self, E, F);
    if (Example.Kind != Value::List)
      return Value::unknown();
    for (Value &Item : Example.Items) {
      if (!Item.isTensor())
        continue;
      if (Item.T.Sizes)
        Item.T.Sizes->insert(Item.T.Sizes->begin(), Dim());
      if (Item.T.Unsqueezed)
        ++Item.T.Unsqueezed->Dim;
    }
    return Value::list({Example}, /*Exact=*/false);
  }
  case api::ApiCall::MakeDataLoader:
    // Iterating the loader yields the dataset's batches.
    return Call.Args.empty() ? Value::unknown() : eval(Call.Args[0], E, F);
  case api::ApiCall::ModuleCall: {
    Value Self = eval(Call.Self, E, F);
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    ModulePtr M = Self.isModule() ? Self.M : moduleFromType(Call.Self->getType());
    const auto *Method =
        dispatch(dyn_cast_or_null<CXXMethodDecl>(Call.Callee), M, C);
    if (Method && isUserFunction(Method) && Method->getName() == "forward")
      return callUser(Method, Args, M, C, F);
    if (M && M->Kind == ModuleKind::Custom && Method &&
        api::isLibraryDecl(Method) && api::libraryModuleBase(M->Impl) &&
        api::libraryModuleBase(M->Impl)->getCanonicalDecl() ==
            Method->getParent()->getCanonicalDecl())
      // The forward of the torch::nn class that the user's class derives
      // from (`SequentialImpl::forward(x)` in StageImpl::forward).
      return applyModule(asLibraryBase(M), Args, Call.Args, C, E, F);
    return applyModule(M, Args, Call.Args, C, E, F);
  }
  case api::ApiCall::ModuleMethod: {
    Value Self = eval(Call.Self, E, F);
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    switch (api::moduleAccessOf(Call.Name)) {
    case api::ModuleAccess::Element:
      return moduleAs(elementOf(Self, Args), C->getType());
    case api::ModuleAccess::Cast:
      return moduleAs(Self.isModule() ? Self.M : nullptr, C->getType());
    case api::ModuleAccess::None:
      break;
    }
    const CXXRecordDecl *Impl = api::moduleImplOf(Call.Self->getType());
    ModuleKind Kind = api::moduleKindOf(Impl);
    bool Container = Kind == ModuleKind::Sequential ||
                     Kind == ModuleKind::ModuleList ||
                     Kind == ModuleKind::ModuleDict;
    bool Grows = Call.Name == "push_back" || Call.Name == "extend" ||
                 (Call.Name == "update" && Kind == ModuleKind::ModuleDict);
    if (!Grows) {
      // insert, pop, clear: a container changed in a way not modelled.
      if (Container &&
          api::mutatesObject(dyn_cast_or_null<CXXMethodDecl>(Call.Callee)))
        if (const ValueDecl *D = rootStorageOf(Call.Self))
          E.Vars.erase(D);
      return Value::unknown();
    }
    ModulePtr Seq = Self.isModule() ? Self.M : nullptr;
    const ValueDecl *D = storageOf(Call.Self);
    if (!D)
      return Value::unknown();
    if (!Seq && Container) {
      // A container whose modules so far are unknown.
      auto Unknown = std::make_shared<ModuleFact>();
      Unknown->Kind = Kind;
      Unknown->Impl = Impl;
      Unknown->UnknownPrefix = true;
      Seq = std::move(Unknown);
    }
    if (!Seq || Seq->Kind != Kind || !Container || Args.empty()) {
      E.Vars.erase(D);
      return Value::unknown();
    }
    auto Grown = std::make_shared<ModuleFact>(*Seq);
    const Value &Added = Args.back();
    if (Kind == ModuleKind::ModuleDict) {
      if (!updateDict(*Grown, Added)) {
        // Some key is unknown: any key may now hold anything.
        Grown->forgetChildren();
      }
    } else if (Call.Name == "extend" && Added.isModule() &&
               (Added.M->Kind == ModuleKind::Sequential ||
                Added.M->Kind == ModuleKind::ModuleList)) {
      if (Added.M->UnknownPrefix) {
        // Unknown modules now come before the added ones.
        Grown->forgetChildren();
      }
      Grown->Children.insert(Grown->Children.end(), Added.M->Children.begin(),
                             Added.M->Children.end());
    } else if (Call.Name == "extend") {
      Grown->forgetChildren();
    } else {
      Grown->Children.push_back(Added.isModule() ? Added.M : nullptr);
    }
    E.Vars[D] = Value::module(std::move(Grown));
    return Value::unknown();
  }
  case api::ApiCall::BuilderMethod: {
    Value Self = eval(Call.Self, E, F);
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    if (api::isTensorOptionsType(Call.Self->getType())) {
      if (Self.Kind != Value::Options)
        return Value::options(OptionsFact());
      if (Call.Name == "dtype") {
        OptionsFact O;
        O.DTypeKnown = !Call.Args.empty() && Args[0].Kind == Value::ScalarType &&
                       Args[0].ST.has_value();
        if (O.DTypeKnown)
          O.Type = Args[0].ST;
        return Value::options(O);
      }
      return Self; // device, requires_grad, layout: the dtype stays
    }
    Value R = Value::unknown();
    if (Self.Kind == Value::Builder && Args.size() == 1) {
      R = Self;
      R.B.Entries.emplace_back(Call.Name.str(),
                               std::make_shared<const Value>(Args[0]));
    }
    // A setter changes the options object it is called on: a variable's
    // options are updated; options inside another object (a module's
    // `->options`) make that object unknown.
    if (Call.Self->isGLValue()) {
      if (const ValueDecl *D = storageOf(Call.Self))
        E.Vars[D] = R;
      else if (const ValueDecl *Root = rootStorageOf(Call.Self))
        E.Vars.erase(Root);
    }
    return R;
  }
  case api::ApiCall::ScalarFunction: {
    llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
    OptionsFact O;
    O.DTypeKnown = true;
    if (Call.Name == "dtype") {
      O.DTypeKnown = !Args.empty() && Args[0].Kind == Value::ScalarType &&
                     Args[0].ST.has_value();
      if (O.DTypeKnown)
        O.Type = Args[0].ST;
    }
    return Value::options(O);
  }
  case api::ApiCall::TensorMethod: {
    Value Self = eval(Call.Self, E, F);
    if (api::exposesElements(Call.Name)) {
      // Elements written through the pointer or accessor are not seen.
      evalArgs(Call.Args, E, F);
      valuesWritten(E, Self.isTensor() ? Self.T.Storage : std::nullopt);
      return Value::unknown();
    }
    api::TensorOp Op = api::tensorOpOf(Call.Name); // requires_grad_
    bool InPlace = api::outOfPlaceName(Call.Name) != Call.Name;
    if (InPlace && Op == api::TensorOp::Unknown)
      Op = api::tensorOpOf(api::outOfPlaceName(Call.Name));
    Value R = evalTensorOp(Op, Call.Name, Self, Call.Args, C, E, F);
    if (!InPlace)
      return R;
    if (!R.isTensor() && Self.isTensor() &&
        api::isValueRefillInPlace(Call.Name)) {
      // Same shape and dtype, new values.
      R = Self;
      forgetValues(R.T);
    }
    if (Call.Name == "set_") {
      // The tensor now shares another's storage.
      valuesWritten(E);
      if (const ValueDecl *D = storageOf(Call.Self))
        E.Vars.erase(D);
      return Value::unknown();
    }
    if (api::writesValues(Call.Name)) {
      std::optional<ValuesWrite> W = writeOf(Call, Self, C, E, F);
      writeInPlace(Call.Self, Self, R, E, F);
      if (W)
        E.Vars[W->Target] = Value::tensor(W->After);
    } else if (const ValueDecl *D = storageOf(Call.Self)) {
      if (R.isTensor())
        E.Vars[D] = R;
      else
        E.Vars.erase(D);
    }
    return R;
  }
  case api::ApiCall::Operator: {
    if (Call.Name == "[]" && Call.Self) {
      Value Self = eval(Call.Self, E, F);
      evalArgs(Call.Args, E, F);
      return evalTensorOp(api::TensorOp::Index, "[]", Self, Call.Args, C, E,
                          F);
    }
    llvm::SmallVector<const Expr *, 2> Operands;
    if (Call.Self)
      Operands.push_back(Call.Self);
    Operands.append(Call.Args.begin(), Call.Args.end());
    llvm::SmallVector<Value, 2> Vals = evalArgs(Operands, E, F);
    if (Operands.size() != 2)
      return Value::unknown();
    llvm::StringRef Op = Call.Name;
    bool Compound = Op.size() == 2 && Op.back() == '=' && Op != "==" &&
                    Op != "!=" && Op != "<=" && Op != ">=";
    if (Compound)
      Op = Op.drop_back();
    if (Op == ">" || Op == "<" || Op == ">=" || Op == "<=" || Op == "==" ||
        Op == "!=") {
      if (Vals[0].isTensor())
        return compare(Vals[0].T, Vals[1], C);
      if (Vals[1].isTensor())
        return compare(Vals[1].T, Vals[0], C);
      return Value::unknown();
    }
    if (Op != "+" && Op != "-" && Op != "*" && Op != "/" && Op != "%")
      return Value::unknown();
    Value R;
    if (Vals[0].isTensor())
      R = evalArith(Op, Vals[0], Vals[1], Operands[1], false, C);
    else if (Vals[1].isTensor() && (Op == "+" || Op == "*"))
      R = evalArith(Op, Vals[1], Vals[0], Operands[0], false, C);
    if (Compound && Vals[0].isTensor())
      writeInPlace(Operands[0], Vals[0], R, E, F);
    else if (Compound)
      assign(Operands[0], R, E, F);
    return R;
  }
  case api::ApiCall::Functional:
  case api::ApiCall::TorchFunction: {
    if (writesTensorArguments(Call, E, F))
      return Value::unknown();
    if (auto Loss = api::lossFunctionOf(Call.Callee)) {
      llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
      if (Args.size() < 2)
        return Value::unknown();
      std::optional<int64_t> Ignore = -100;
      if (Call.Kind == api::ApiCall::Functional) {
        if (Args.size() > 2)
          Ignore = ignoreIndexOf(Args[2]);
      } else if (Args.size() > 4) {
        Ignore = knownInt(Args[4]); // at::cross_entropy_loss / nll_loss
      }
      if (api::lossBroadcastsTarget(Call.Callee))
        Args[1].T.Sizes.reset(); // its shape proves nothing
      recordLoss(*Loss, Args[0], Args[1], Ignore, Call.Args[0], Call.Args[1],
                 C, F);
      TensorFact Scalar;
      Scalar.Type = DType::Float;
      return Value::tensor(Scalar);
    }
    api::Factory Fac = api::factoryOf(Call.Name);
    if (Fac != api::Factory::None && Call.Kind == api::ApiCall::TorchFunction)
      return evalFactory(Fac, Call.Name, Call.Args, C, E, F);
    api::TensorOp Op = api::tensorOpOf(Call.Name);
    if (Call.Args.empty())
      return Value::unknown();
    if (ModuleKind K = api::functionalModuleKindOf(Call.Name);
        K != ModuleKind::Unknown) {
      llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
      auto M = std::make_shared<ModuleFact>();
      M->Kind = K;
      configureModule(*M, llvm::ArrayRef<Value>(Args).drop_front());
      return applyModule(M, Args, Call.Args, C, E, F);
    }
    if (Op == api::TensorOp::Cat || Op == api::TensorOp::Stack)
      return concatenate(Op, evalArgs(Call.Args, E, F));
    Value Self = eval(Call.Args[0], E, F);
    return evalTensorOp(Op, Call.Name, Self,
                        llvm::ArrayRef<const Expr *>(Call.Args).drop_front(), C,
                        E, F);
  }
  case api::ApiCall::Other:
    break;
  }

  // Not LibTorch: a user's function, method, lambda or functor, or a library
  // call whose effect on tensors is unknown.
  const FunctionDecl *Fn = Call.Callee;
  if (Fn && api::isLibraryDecl(Fn) && writesTensorArguments(Call, E, F))
    return Value::unknown();
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Fn);
  llvm::SmallVector<const Expr *, 4> ArgExprs(Call.Args.begin(),
                                              Call.Args.end());
  if (!Fn) {
    // A call through a variable: std::function or a function pointer.
    Value Callee = eval(C->getCallee(), E, F);
    llvm::SmallVector<Value, 4> Args;
    for (const Expr *A : C->arguments())
      Args.push_back(eval(A, E, F));
    return callCallable(Callee, Args, llvm::ArrayRef<const Expr *>(
                                          C->getArgs(), C->getNumArgs()),
                        C, E, F);
  }
  Value Self;
  if (Call.Self)
    Self = eval(Call.Self, E, F);
  llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);

  if (Method && Method->getParent()->isLambda()) {
    if (Self.Kind == Value::Callable && Self.C.Lambda)
      return callUser(Method, Args, nullptr, C, F, Self.C.Captures.get());
    return callUser(Method, Args, nullptr, C, F);
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
      Op && Op->getOperator() == OO_Call && Self.Kind == Value::Callable)
    return callCallable(Self, Args, ArgExprs, C, E, F);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
      Op && api::isLibraryDecl(Fn) && Args.size() == 2 &&
      (Op->getOperator() == OO_EqualEqual ||
       Op->getOperator() == OO_ExclaimEqual)) {
    // code == "en" on known strings (a label looked up by name).
    Value R = Value::integer(std::nullopt);
    R.Kind = Value::Bool;
    if (Args[0].Kind == Value::String && Args[1].Kind == Value::String &&
        Args[0].Str && Args[1].Str)
      R.I = (*Args[0].Str == *Args[1].Str) ==
            (Op->getOperator() == OO_EqualEqual);
    return R;
  }

  Value Result;
  if (isUserFunction(Fn)) {
    ModulePtr This;
    const ValueDecl *Object = Call.Self ? storageOf(Call.Self) : nullptr;
    if (Method && Method->isInstance()) {
      if (Self.isModule())
        This = Self.M;
      else if (Call.Self && !(Object && E.Vars.count(Object)))
        This = classState(Method->getParent()); // as its constructors left it
      // else: an object whose state is unknown (changed through one of its
      // members, or returned by a call): so are its fields.
    }
    Result = callUser(Method ? dispatch(Method, This, C) : Fn, Args, This, C,
                      F);
    // The fields the method assigns hold anything afterwards.
    if (Object && This && This->Fields && Method &&
        api::mutatesObject(Method) && Method->getBody()) {
      Env Probe;
      Probe.Vars = *This->Fields;
      forgetAssignedIn(Method->getBody(), Probe);
      auto Updated = std::make_shared<ModuleFact>(*This);
      Updated->Fields = std::make_shared<FieldMap>(std::move(Probe.Vars));
      E.Vars[Object] = Value::module(std::move(Updated));
    }
  }
  // Whatever the callee may modify through a non-const reference or pointer
  // is unknown afterwards (modules are shared handles and keep their
  // identity).
  for (unsigned I = 0; I < ArgExprs.size() && I < Fn->getNumParams(); ++I) {
    QualType PT = Fn->getParamDecl(I)->getType();
    const Expr *Arg = ArgExprs[I];
    if (PT->isPointerType()) {
      const auto *AddrOf =
          dyn_cast<UnaryOperator>(api::ignoreWrappers(Arg));
      if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
        continue;
      Arg = AddrOf->getSubExpr();
      PT = PT->getPointeeType();
    } else if (PT->isReferenceType()) {
      PT = PT.getNonReferenceType();
    } else {
      continue;
    }
    if (!PT.isConstQualified() && !api::moduleImplOf(PT))
      if (const ValueDecl *D = rootStorageOf(Arg))
        E.Vars.erase(D);
  }
  return Result;
}

/// The example (data, target) one index of a dataset yields: the user's get()
/// through transforms that keep the shapes.
Value TensorFlowAnalysis::Interpreter::exampleOf(const Expr *Dataset, Env &E,
                                                 Frame &F) {
  Dataset = api::ignoreWrappers(Dataset);
  if (const auto *Map = dyn_cast<CXXMemberCallExpr>(Dataset)) {
    api::ApiCall Call = api::classifyCall(Map);
    if (Call.Kind == api::ApiCall::DatasetMap && Call.Args.size() == 1 &&
        api::dataTransformOf(Call.Args[0]->getType()) ==
            api::DataTransform::Normalize) {
      Value Example = exampleOf(Call.Self, E, F);
      if (Example.Kind == Value::List && !Example.Items.empty() &&
          Example.Items[0].isTensor())
        forgetValues(Example.Items[0].T); // normalized data
      return Example;
    }
  }
  if (!api::isUserDataset(Dataset->getType()))
    return Value::unknown();
  const CXXRecordDecl *RD = Dataset->getType()->getAsCXXRecordDecl();
  const CXXMethodDecl *Get = nullptr;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getDeclName().isIdentifier() && M->getName() == "get" &&
        M->getNumParams() == 1)
      Get = M;
  if (!Get)
    return Value::unknown();
  Value Object = eval(Dataset, E, F);
  ModulePtr This = Object.isModule() ? Object.M : classState(RD);
  llvm::SmallVector<Value, 1> Index{Value::integer(std::nullopt)};
  return callUser(Get, Index, This, nullptr, F);
}

/// torch::cat(tensors, dim) and torch::stack(tensors, dim).
Value TensorFlowAnalysis::Interpreter::concatenate(api::TensorOp Op,
                                                  llvm::ArrayRef<Value> Args) {
  if (Args.empty() || Args[0].Kind != Value::List || Args[0].Items.empty())
    return Value::unknown();
  const Value &Tensors = Args[0];
  std::optional<int64_t> DimArg =
      Args.size() > 1 ? knownInt(Args[1]) : std::optional<int64_t>(0);
  TensorFact R;
  Value Any = Tensors.anyItem();
  if (!Any.isTensor())
    return Value::unknown();
  R.Type = Any.T.Type;
  R.TypeOrigin = Any.T.TypeOrigin;
  std::optional<size_t> Rank = Any.T.rank();
  if (!Rank)
    return Value::tensor(R);
  bool IsCat = Op == api::TensorOp::Cat;
  auto D = normalizeDim(DimArg, IsCat ? *Rank : *Rank + 1);
  llvm::SmallVector<Dim, 4> S(*Any.T.Sizes);
  if (!D) {
    for (Dim &X : S)
      X.reset();
    if (!IsCat)
      S.push_back(std::nullopt);
    R.Sizes = S;
    return Value::tensor(R);
  }
  Dim Count = Tensors.Exact ? Dim(Tensors.Items.size()) : std::nullopt;
  if (IsCat) {
    // The sizes along the dimension add up.
    Dim Sum = Tensors.Exact ? Dim(0) : std::nullopt;
    for (const Value &V : Tensors.Items)
      Sum = Sum && V.isTensor() && V.T.rank() == Rank && (*V.T.Sizes)[*D]
                ? Dim(*Sum + *(*V.T.Sizes)[*D])
                : std::nullopt;
    S[*D] = Sum;
  } else {
    S.insert(S.begin() + *D, Count);
  }
  R.Sizes = S;
  // Softmaxes stacked, or concatenated along another dimension, still
  // normalize theirs.
  if (Any.T.Act == Activation::Softmax && Any.T.ActDim &&
      (!IsCat || *Any.T.ActDim != *D)) {
    R.Act = Any.T.Act;
    R.ActOrigin = Any.T.ActOrigin;
    R.ActDim = *Any.T.ActDim + (!IsCat && *Any.T.ActDim >= *D ? 1 : 0);
  }
  // The dimension the items' unsqueeze added is still there, of size 1,
  // unless cat joins them along it (the usual way to batch them).
  if (std::optional<UnsqueezeSite> U = Any.T.Unsqueezed) {
    if (!IsCat && U->Dim >= *D)
      ++U->Dim;
    if (!IsCat || U->Dim != *D)
      R.Unsqueezed = U;
  }
  return Value::tensor(R);
}

/// std::vector as a list: what is pushed in, what is read out.
Value TensorFlowAnalysis::Interpreter::evalContainerCall(
    const api::ApiCall &Call, Env &E, Frame &F) {
  Value Self = eval(Call.Self, E, F);
  llvm::SmallVector<Value, 4> Args = evalArgs(Call.Args, E, F);
  const ValueDecl *D = storageOf(Call.Self);
  Self = asList(Self);
  if (Self.Kind != Value::List)
    Self = Value::list({Value()}, /*Exact=*/false); // anything may be in it
  llvm::StringRef Name = Call.Name;
  const CXXRecordDecl *Class =
      Call.Self->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (api::isStdMap(Class)) {
    // m.at(key), m[key] of a key that is there; anything else is unknown
    // (m[key] of another key inserts it).
    auto Key = Args.empty() ? std::nullopt : mapKey(Args[0]);
    if ((Name == "at" || Name == "[]") && Key && Self.Exact)
      for (const Value &Pair : Self.Items)
        if (Pair.Kind == Value::List && Pair.Items.size() == 2 &&
            mapKey(Pair.Items[0]) == Key)
          return Pair.Items[1];
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.Callee);
    if (D && !(Method && Method->isConst()))
      E.Vars.erase(D);
    return Value::unknown();
  }
  if (Name == "[]" || Name == "at")
    return itemAt(Self, Args.empty() ? std::nullopt : knownInt(Args[0]));
  if (Name == "front")
    return itemAt(Self, 0);
  if (Name == "back")
    return itemAt(Self, Self.Exact ? std::optional<int64_t>(
                                         static_cast<int64_t>(Self.Items.size()) - 1)
                                   : std::nullopt);
  if (Name == "size")
    return Value::integer(Self.Exact ? std::optional<int64_t>(Self.Items.size())
                                     : std::nullopt);
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.Callee);
  if (Method && Method->isConst())
    return Value::unknown();
  if (!D) {
    // A container inside another object (`store.labels.push_back(x)`): what
    // the analysis knew of that object no longer holds.
    if (const ValueDecl *Root = rootStorageOf(Call.Self))
      E.Vars[Root] = Value::unknown();
    return Value::unknown();
  }
  auto Append = [&Self](const Value &Added) {
    if (Self.Exact)
      Self.Items.push_back(Added);
    else
      Self.Items = {Self.Items.empty() ? Added
                                       : join(Self.Items.front(), Added)};
  };
  if (Name == "push_back" || Name == "emplace_back") {
    // emplace_back(a, b) builds the element from its arguments.
    Append(Args.size() == 1
               ? Args[0]
               : Value::list(std::vector<Value>(Args.begin(), Args.end())));
    E.Vars[D] = Self;
    return Value::unknown();
  }
  if (Value Added = asList(Args.size() == 2 ? Args[1] : Value());
      Name == "insert" && Added.Kind == Value::List && Added.Exact &&
      isEndOf(Call.Args[0], D)) {
    // v.insert(v.end(), {a, b}): appended one by one.
    for (const Value &Item : Added.Items)
      Append(Item);
    E.Vars[D] = Self;
    return Value::unknown();
  }
  if (Name == "reserve" || Name == "shrink_to_fit")
    return Value::unknown();
  if (Name == "clear") {
    E.Vars[D] = Value::list({});
    return Value::unknown();
  }
  E.Vars.erase(D); // insert, erase, resize, ...: the contents are unknown
  return Value::unknown();
}

Value TensorFlowAnalysis::Interpreter::evalOptionalCall(
    const api::ApiCall &Call, Env &E, Frame &F) {
  Value Self = eval(Call.Self, E, F);
  llvm::SmallVector<Value, 1> Args = evalArgs(Call.Args, E, F);
  // Whether it holds a value is known when the list's length is.
  std::optional<bool> Engaged;
  if (Self.Kind == Value::List && Self.Exact && Self.Items.size() <= 1)
    Engaged = Self.Items.size() == 1;
  llvm::StringRef Name = Call.Name;
  if (Name == "has_value") {
    Value V = Value::integer(Engaged);
    V.Kind = Value::Bool;
    return V;
  }
  if (Name == "value")
    return itemAt(Self, 0);
  if (Name == "value_or" && Args.size() == 1) {
    if (Engaged)
      return *Engaged ? Self.Items[0] : Args[0];
    return join(itemAt(Self, 0), Args[0]);
  }
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.Callee);
  if (Method && Method->isConst())
    return Value::unknown();
  const ValueDecl *D = storageOf(Call.Self);
  if (!D) {
    // An optional inside another object: that object is no longer known.
    if (const ValueDecl *Root = rootStorageOf(Call.Self))
      E.Vars[Root] = Value::unknown();
    return Value::unknown();
  }
  if (Name == "reset")
    E.Vars[D] = Value::list({});
  else if (Name == "emplace" && Args.size() == 1)
    E.Vars[D] = Value::list({Args[0]});
  else
    E.Vars.erase(D); // swap, emplace(a, b): unknown
  return Value::unknown();
}

Value TensorFlowAnalysis::Interpreter::callCallable(
    const Value &Callable, llvm::ArrayRef<Value> Args,
    llvm::ArrayRef<const Expr *> ArgExprs, const Expr *Site, Env &E,
    Frame &F) {
  if (Callable.Kind != Value::Callable)
    return Value::unknown();
  if (Callable.C.Lambda)
    return callUser(Callable.C.Lambda->getCallOperator(), Args, nullptr, Site,
                    F, Callable.C.Captures.get());
  const FunctionDecl *Fn = Callable.C.Function;
  if (!Fn)
    return Value::unknown();
  if (isUserFunction(Fn))
    return callUser(Fn, Args, nullptr, Site, F);
  // A LibTorch function passed by name, e.g. Functional(torch::softmax, 1).
  if (!Args.empty() && Fn->getDeclName().isIdentifier())
    return evalTensorOp(api::tensorOpOf(Fn->getName()), Fn->getName(),
                        Args[0], ArgExprs.drop_front(), Site, E, F);
  return Value::unknown();
}

void TensorFlowAnalysis::Interpreter::recordLoss(
    LossKind Kind, const Value &Input, const Value &Target,
    std::optional<int64_t> IgnoreIndex, const Expr *InputArg,
    const Expr *TargetArg, const Expr *Site, Frame &F) {
  LossUse U;
  U.Kind = Kind;
  U.Call = Site;
  U.InputArg = InputArg;
  U.TargetArg = TargetArg;
  if (Input.isTensor())
    U.Input = Input.T;
  if (Target.isTensor())
    U.Target = Target.T;
  U.IgnoreIndex = IgnoreIndex;
  U.CallStack = F.CallStack;
  // The same call reached again in the same context is a later iteration of
  // a loop, analyzed from an environment that joins the earlier ones: what it
  // proves, the first visit (the loop's first iteration) proves too, so the
  // first visit is kept.
  Uses.try_emplace(std::make_pair(Site, F.CallStack), std::move(U));
}

//===----------------------------------------------------------------------===//
// Modules
//===----------------------------------------------------------------------===//

ModulePtr TensorFlowAnalysis::Interpreter::moduleFromType(QualType T) {
  const CXXRecordDecl *Impl = api::moduleImplOf(T);
  if (!Impl)
    return nullptr;
  LossKind Loss = LossKind::CrossEntropy;
  ModuleKind Kind = api::moduleKindOf(Impl, &Loss);
  if (Kind == ModuleKind::Custom)
    return classState(Impl);
  if (Kind == ModuleKind::Unknown || Kind == ModuleKind::Sequential ||
      Kind == ModuleKind::Functional || Kind == ModuleKind::ModuleList ||
      Kind == ModuleKind::ModuleDict)
    return Kind == ModuleKind::Sequential && T->getAsCXXRecordDecl() &&
                   !T->isPointerType()
               ? std::make_shared<ModuleFact>(ModuleFact{ModuleKind::Sequential})
               : nullptr;
  auto M = std::make_shared<ModuleFact>();
  M->Kind = Kind;
  M->Loss = Loss;
  M->Impl = Impl;
  return M;
}

/// The configuration of a library module (or of the functional form of one)
/// from its constructor arguments or options.
static void configureModule(ModuleFact &M, llvm::ArrayRef<Value> Args) {
  auto Positional = [&](unsigned I) -> std::optional<int64_t> {
    if (Args.empty())
      return std::nullopt;
    if (Args[0].Kind == Value::Builder) {
      const Value *V = Args[0].B.get(std::to_string(I));
      return V ? knownInt(*V) : std::nullopt;
    }
    return I < Args.size() ? knownInt(Args[I]) : std::nullopt;
  };
  auto Named = [&](llvm::StringRef Name) -> const Value * {
    return !Args.empty() && Args[0].Kind == Value::Builder
               ? Args[0].B.get(Name)
               : nullptr;
  };
  // Kernel sizes, strides and paddings given as 3 or {3, 3}.
  auto PositionalSquare = [&](unsigned I) -> Dim {
    const Value *V = nullptr;
    if (!Args.empty() && Args[0].Kind == Value::Builder)
      V = Args[0].B.get(std::to_string(I));
    else if (I < Args.size())
      V = &Args[I];
    return V ? squareInt(*V) : std::nullopt;
  };
  auto NamedSquare = [&](llvm::StringRef Name, Dim Default) -> Dim {
    const Value *V = Named(Name);
    return V ? squareInt(*V) : Default;
  };

  switch (M.Kind) {
  case ModuleKind::Linear:
    M.A = Positional(0);
    M.B = Positional(1);
    break;
  case ModuleKind::Conv:
    M.A = Positional(0);
    M.B = Positional(1);
    M.Kernel = PositionalSquare(2);
    M.Stride = NamedSquare("stride", 1);
    M.Padding = NamedSquare("padding", 0);
    M.Dilation = NamedSquare("dilation", 1);
    break;
  case ModuleKind::Pool:
    M.Kernel = PositionalSquare(0);
    M.Stride = NamedSquare("stride", M.Kernel);
    M.Padding = NamedSquare("padding", 0);
    M.Dilation = NamedSquare("dilation", 1);
    break;
  case ModuleKind::AdaptivePool:
    M.A = PositionalSquare(0);
    // interpolate's and Upsample's size(...): the output's spatial sizes.
    if (const Value *S = Named("size"))
      M.A = squareInt(*S);
    break;
  case ModuleKind::Softmax:
  case ModuleKind::LogSoftmax:
    M.A = Positional(0);
    break;
  case ModuleKind::Flatten:
    M.A = 1;
    M.B = -1;
    if (const Value *S = Named("start_dim"))
      M.A = knownInt(*S);
    if (const Value *End = Named("end_dim"))
      M.B = knownInt(*End);
    if (!Args.empty() && Args[0].Kind != Value::Builder)
      M.A = M.B = std::nullopt;
    break;
  case ModuleKind::Embedding:
    M.A = Positional(0);
    M.B = Positional(1);
    break;
  case ModuleKind::Recurrent: {
    M.A = Positional(0);
    M.Hidden = Positional(1);
    auto Option = [&](llvm::StringRef Name, int64_t Default) -> Dim {
      const Value *V = Named(Name);
      return V ? knownInt(*V) : Dim(Default);
    };
    Dim Directions = Option("bidirectional", 0);
    if (Directions)
      Directions = *Directions ? 2 : 1;
    Dim Layers = Option("num_layers", 1);
    // The output's last dimension doubles when bidirectional.
    if (M.Hidden && Directions)
      M.B = *M.Hidden * *Directions;
    if (Layers && Directions)
      M.StateRows = *Layers * *Directions;
    if (Dim BatchFirst = Option("batch_first", 0))
      M.BatchFirst = *BatchFirst != 0;
    break;
  }
  case ModuleKind::ModuleDict:
    // ModuleDict(pairs), pairs a vector of {"key", module}.
    if (!Args.empty() && (Args.size() != 1 || !updateDict(M, Args[0])))
      M.forgetChildren();
    break;
  case ModuleKind::Sequential:
  case ModuleKind::ModuleList: {
    // Sequential(a, b) or, for named modules, Sequential({{"a", a}, ...}).
    llvm::ArrayRef<Value> Modules = Args;
    if (Args.size() == 1 && Args[0].Kind == Value::List) {
      if (!Args[0].Exact)
        break; // which modules, and how many, is unknown
      Modules = Args[0].Items;
    }
    for (const Value &A : Modules)
      M.Children.push_back(A.isModule() ? A.M : nullptr);
    break;
  }
  case ModuleKind::Functional:
    if (!Args.empty())
      M.Callable = std::make_shared<const Value>(Args[0]);
    break;
  case ModuleKind::Loss:
    if (!Args.empty())
      M.LossOptions = std::make_shared<const Value>(Args[0]);
    break;
  default:
    break;
  }
}

/// The state a class's constructors leave an object in, joined over all of
/// them; fields that other methods assign are unknown.
ModulePtr TensorFlowAnalysis::Interpreter::classState(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition() || api::isLibraryDecl(RD))
    return nullptr;
  RD = RD->getDefinition();
  auto It = ClassStates.find(RD);
  if (It != ClassStates.end())
    return It->second;
  if (!ClassStatesInProgress.insert(RD).second)
    return nullptr;
  ModulePtr State;
  bool First = true;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isCopyOrMoveConstructor() || !Ctor->hasBody())
      continue;
    Frame Root;
    llvm::SmallVector<Value, 4> Args(Ctor->getNumParams());
    Value V = callUser(Ctor, Args, nullptr, nullptr, Root);
    if (!V.isModule())
      continue;
    Value Joined = First ? V : join(Value::module(State), V);
    State = Joined.isModule() ? Joined.M : nullptr;
    First = false;
  }
  if (First) {
    // No constructor was written or instantiated: the user's bases as they
    // build themselves, then in-class initialisers.
    auto Fields = std::make_shared<FieldMap>();
    for (const CXXBaseSpecifier &B : RD->bases())
      if (ModulePtr Base = classState(B.getType()->getAsCXXRecordDecl());
          Base && Base->Fields)
        Fields->insert(Base->Fields->begin(), Base->Fields->end());
    Env E;
    Frame Root;
    for (const FieldDecl *FD : RD->fields()) {
      if (const Expr *Init = FD->getInClassInitializer())
        (*Fields)[FD] = eval(Init, E, Root);
      else if (!FD->getType()->isPointerType())
        if (const CXXRecordDecl *Impl = api::moduleImplOf(FD->getType()))
          if (ModulePtr M = constructModule(Impl, nullptr, {}, FD, Root))
            (*Fields)[FD] = Value::module(M); // default-constructed holder
    }
    auto M = std::make_shared<ModuleFact>();
    M->Kind = ModuleKind::Custom;
    M->Impl = RD;
    M->Fields = std::move(Fields);
    State = std::move(M);
  }
  if (State) {
    // Fields assigned outside the constructors may hold anything later.
    auto Fields = std::make_shared<FieldMap>(State->Fields ? *State->Fields
                                                           : FieldMap());
    for (const CXXMethodDecl *M : RD->methods()) {
      if (isa<CXXConstructorDecl>(M) || !M->hasBody())
        continue;
      Env Probe;
      Probe.Vars = *Fields;
      forgetAssignedIn(M->getBody(), Probe);
      *Fields = std::move(Probe.Vars);
    }
    auto Copy = std::make_shared<ModuleFact>(*State);
    Copy->Fields = std::move(Fields);
    State = std::move(Copy);
  }
  ClassStatesInProgress.erase(RD);
  ClassStates[RD] = State;
  return State;
}

ModulePtr TensorFlowAnalysis::Interpreter::constructModule(
    const CXXRecordDecl *Impl, const CXXConstructorDecl *Ctor,
    llvm::ArrayRef<Value> Args, llvm::PointerUnion<const Expr *, const FieldDecl *> At,
    Frame &F) {
  if (!Impl)
    return nullptr;
  LossKind Loss = LossKind::CrossEntropy;
  ModuleKind Kind = api::moduleKindOf(Impl, &Loss);
  if (Kind == ModuleKind::Unknown && !api::isLibraryDecl(Impl))
    Kind = ModuleKind::Custom; // a user class that is not a module
  auto M = std::make_shared<ModuleFact>();
  M->Kind = Kind;
  M->Impl = Impl;
  M->Loss = Loss;
  if (const auto *X = At.dyn_cast<const Expr *>())
    M->Created = originAt(X, "");
  else
    M->Created = Origin{At.get<const FieldDecl *>()->getLocation(), ""};

  if (Kind != ModuleKind::Custom) {
    configureModule(*M, Args);
    M->PairState = api::hasPairState(Impl);
    return M;
  }
  const CXXConstructorDecl *Chosen = Ctor;
    if (!Chosen) {
      // Through ModuleHolder's or make_shared's forwarding constructor: the
      // user's constructor that takes this many arguments.
      for (const CXXConstructorDecl *C : Impl->ctors()) {
        if (C->isCopyOrMoveConstructor() || C->isInheritingConstructor() ||
            C->getMinRequiredArguments() > Args.size() ||
            C->getNumParams() < Args.size())
          continue;
        if (Chosen)
          return classState(Impl); // ambiguous
        Chosen = C;
      }
    }
    if (const CXXRecordDecl *Base = api::libraryModuleBase(Impl);
        Base && (!Chosen || Chosen->isInheritingConstructor())) {
      // Built by the constructor of the torch::nn class it derives from
      // (`using SequentialImpl::SequentialImpl`): configured as that class.
      M->Kind = api::moduleKindOf(Base, &M->Loss);
      configureModule(*M, Args);
      M->Kind = ModuleKind::Custom;
      return M;
    }
    if (!Chosen || !Chosen->hasBody())
      return classState(Impl);
    Value V = callUser(Chosen, Args, nullptr, nullptr, F);
    if (!V.isModule())
      return nullptr;
  auto R = std::make_shared<ModuleFact>(*V.M);
  R->Created = M->Created;
  return R;
}

Value TensorFlowAnalysis::Interpreter::applyModule(
    const ModulePtr &M, llvm::ArrayRef<Value> Args,
    llvm::ArrayRef<const Expr *> ArgExprs, const Expr *Site, Env &E,
    Frame &F) {
  if (!M || Args.empty())
    return Value::unknown();
  const Value &In = Args[0];
  TensorFact T = In.isTensor() ? In.T : TensorFact();
  if (T.Range)
    T.Range->Elements.reset();
  auto Activated = [&](Activation A, llvm::StringRef What) {
    T.Act = A;
    T.ActOrigin = madeBy(*M, Site, What);
    T.ActDim = A != Activation::Sigmoid && T.rank()
                   ? normalizeDim(M->A, *T.rank())
                   : std::nullopt;
    T.Range.reset();
    return Value::tensor(T);
  };
  switch (M->Kind) {
  case ModuleKind::Linear:
    if (T.Sizes && !T.Sizes->empty()) {
      T.Sizes->back() = M->B;
      if (M->B)
        T.SizesOrigin = madeBy(*M, Site,
                               "this Linear outputs " + std::to_string(*M->B) +
                                   " features");
    }
    learnedFloatValues(T);
    return Value::tensor(T);
  case ModuleKind::Conv:
  case ModuleKind::Pool:
  case ModuleKind::AdaptivePool:
    if (T.Sizes && T.Sizes->size() >= 2) {
      if (M->Kind == ModuleKind::Conv) {
        (*T.Sizes)[1] = M->B;
        if (M->B)
          T.SizesOrigin = madeBy(*M, Site,
                                 "this convolution outputs " +
                                     std::to_string(*M->B) + " channels");
      }
      for (size_t I = 2; I < T.Sizes->size(); ++I)
        (*T.Sizes)[I] = M->Kind == ModuleKind::AdaptivePool
                            ? M->A
                            : slidingWindowSize((*T.Sizes)[I], *M);
    }
    if (M->Kind == ModuleKind::Conv)
      learnedFloatValues(T);
    else
      forgetValues(T);
    return Value::tensor(T);
  case ModuleKind::Recurrent: {
    // (output, state); the output keeps the input's layout, the state is
    // [layers * directions, N, hidden] (no N for an unbatched input).
    TensorFact State;
    State.Type = T.Type;
    State.TypeOrigin = T.TypeOrigin;
    if (T.Sizes && (T.Sizes->size() == 2 || T.Sizes->size() == 3) &&
        M->BatchFirst) {
      llvm::SmallVector<Dim, 4> S{M->StateRows};
      if (T.Sizes->size() == 3)
        S.push_back((*T.Sizes)[*M->BatchFirst ? 0 : 1]);
      S.push_back(M->Hidden);
      State.Sizes = S;
      State.SizesOrigin =
          madeBy(*M, Site, "the final state of this recurrent layer has shape " +
                               formatShape(State.Sizes));
    }
    if (T.Sizes && !T.Sizes->empty())
      T.Sizes->back() = M->B;
    learnedFloatValues(T);
    Value StateValue = Value::tensor(State);
    if (M->PairState)
      StateValue = Value::list({StateValue, StateValue});
    return Value::list({Value::tensor(T), StateValue});
  }
  case ModuleKind::Embedding:
    if (T.Sizes)
      T.Sizes->push_back(M->B);
    learnedFloatValues(T);
    return Value::tensor(T);
  case ModuleKind::Softmax:
    return Activated(Activation::Softmax,
                     "softmax applied by this torch::nn::Softmax module");
  case ModuleKind::LogSoftmax:
    return Activated(Activation::LogSoftmax,
                     "log_softmax applied by this torch::nn::LogSoftmax module");
  case ModuleKind::Sigmoid:
    return Activated(Activation::Sigmoid,
                     "sigmoid applied by this torch::nn::Sigmoid module");
  case ModuleKind::ShapePreserving:
    forgetValues(T);
    return Value::tensor(T);
  case ModuleKind::Flatten: {
    TensorFact R = T;
    R.Unsqueezed.reset();
    R.Act.reset();
    R.ActDim.reset();
    R.Sizes.reset();
    if (T.Sizes && M->A && M->B) {
      auto Start = normalizeDim(M->A, T.Sizes->size());
      auto End = normalizeDim(M->B, T.Sizes->size());
      if (Start && End && *Start <= *End) {
        llvm::SmallVector<Dim, 4> S(T.Sizes->begin(),
                                    T.Sizes->begin() + *Start);
        Dim Prod = 1;
        for (int64_t I = *Start; I <= *End; ++I)
          Prod = Prod && (*T.Sizes)[I] ? Dim(*Prod * *(*T.Sizes)[I])
                                       : std::nullopt;
        S.push_back(Prod);
        S.append(T.Sizes->begin() + *End + 1, T.Sizes->end());
        R.Sizes = S;
      }
    }
    return Value::tensor(R);
  }
  case ModuleKind::Sequential: {
    if (M->Children.empty())
      return Value::unknown(); // an empty or unknown Sequential
    // The modules of a Sequential map tensors to tensors: one that is not
    // known makes the facts so far unknown, and the later ones still apply.
    Value Cur = M->UnknownPrefix ? Value::tensor(TensorFact()) : In;
    for (const ModulePtr &Child : M->Children) {
      llvm::SmallVector<Value, 1> One{Cur};
      Cur = applyModule(Child, One, ArgExprs, Site, E, F);
      if (!Cur.isTensor())
        Cur = Value::tensor(TensorFact());
    }
    return Cur;
  }
  case ModuleKind::Functional:
    if (M->Callable)
      return callCallable(*M->Callable, Args, ArgExprs, Site, E, F);
    return Value::unknown();
  case ModuleKind::Custom: {
    if (!M->Impl)
      return Value::unknown();
    const CXXMethodDecl *Forward = nullptr;
    for (const CXXMethodDecl *Method : M->Impl->methods())
      if (Method->getDeclName().isIdentifier() &&
          Method->getName() == "forward" &&
          Method->getMinRequiredArguments() <= Args.size() &&
          Method->getNumParams() >= Args.size()) {
        if (Forward)
          return Value::unknown(); // overloaded
        Forward = Method;
      }
    if (!Forward && api::libraryModuleBase(M->Impl))
      return applyModule(asLibraryBase(M), Args, ArgExprs, Site, E, F);
    return callUser(Forward, Args, M, Site, F);
  }
  case ModuleKind::Loss: {
    if (Args.size() < 2)
      return Value::unknown();
    std::optional<int64_t> Ignore;
    if (M->Kind == ModuleKind::Loss && M->Created) {
      // Constructed here: defaults unless the options say otherwise.
      Ignore = M->LossOptions ? ignoreIndexOf(*M->LossOptions) : -100;
    }
    recordLoss(M->Loss, Args[0], Args[1], Ignore,
               ArgExprs.size() > 0 ? ArgExprs[0] : nullptr,
               ArgExprs.size() > 1 ? ArgExprs[1] : nullptr, Site, F);
    TensorFact Scalar;
    Scalar.Type = DType::Float;
    return Value::tensor(Scalar);
  }
  case ModuleKind::ModuleList:
  case ModuleKind::ModuleDict: // no forward()
  case ModuleKind::Unknown:
    return Value::unknown();
  }
  return Value::unknown();
}

Value TensorFlowAnalysis::Interpreter::evalConstruct(const CXXConstructExpr *C,
                                                     Env &E, Frame &F) {
  QualType T = C->getType();
  const CXXConstructorDecl *Ctor = C->getConstructor();
  llvm::SmallVector<const Expr *, 4> ArgExprs;
  for (const Expr *A : C->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      ArgExprs.push_back(A);

  // Copies and moves keep the value.
  if (Ctor->isCopyOrMoveConstructor() && ArgExprs.size() == 1)
    return eval(ArgExprs[0], E, F);

  if (api::isTensorOptionsType(T)) {
    llvm::SmallVector<Value, 2> Args = evalArgs(ArgExprs, E, F);
    OptionsFact O;
    O.DTypeKnown = true;
    if (!Args.empty()) {
      if (Args[0].Kind == Value::ScalarType) {
        O.DTypeKnown = Args[0].ST.has_value();
        O.Type = Args[0].ST;
      } else if (Args[0].Kind == Value::Options) {
        O = Args[0].O;
      }
    }
    return Value::options(O);
  }
  if (api::isTensorType(T)) {
    evalArgs(ArgExprs, E, F);
    return Value::unknown(); // an undefined tensor, or one from a pointer
  }

  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return evalChildren(C, E, F);

  if (api::isTupleLike(RD)) {
    llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);
    return Value::list(std::vector<Value>(Args.begin(), Args.end()));
  }
  if (api::isStdMap(RD)) {
    // From a braced list of {key, value} pairs whose keys are all known:
    // sorted and without repeated keys, as std::map keeps them.
    Value V = ArgExprs.size() == 1 ? eval(ArgExprs[0], E, F) : Value();
    if (ArgExprs.empty())
      return Value::list({});
    evalArgs(llvm::ArrayRef<const Expr *>(ArgExprs).drop_front(), E, F);
    return sortedMap(V);
  }
  if (api::isLibraryDecl(RD) && RD->getName() == "vector") {
    if (ArgExprs.empty())
      return Value::list({});
    if (ArgExprs.size() == 1) {
      Value V = eval(ArgExprs[0], E, F);
      if (V.Kind == Value::List || V.Kind == Value::IntList)
        return V; // from a braced list
    }
    evalArgs(ArgExprs, E, F);
    return Value::unknown();
  }

  if (api::isStdOptional(RD)) {
    // Empty (default, std::nullopt), another optional's state, or one value.
    bool Empty = ArgExprs.empty() ||
                 (ArgExprs.size() == 1 &&
                  api::isNulloptType(ArgExprs[0]->getType()));
    if (Empty || ArgExprs.size() != 1) { // std::in_place, arguments...
      evalArgs(ArgExprs, E, F);
      return Empty ? Value::list({}) : Value::unknown();
    }
    Value V = eval(ArgExprs[0], E, F);
    return api::isStdOptional(ArgExprs[0]->getType()->getAsCXXRecordDecl())
               ? V
               : Value::list({V});
  }
  // std::function, std::shared_ptr and similar wrappers built from one value.
  if (ArgExprs.size() == 1 && api::isValueWrapper(RD))
    return eval(ArgExprs[0], E, F);
  // {"fc", Linear(10, 3)} in Sequential({...}): the module, its name aside.
  if (api::isNamedModule(RD) && ArgExprs.size() == 2) {
    eval(ArgExprs[0], E, F);
    return eval(ArgExprs[1], E, F);
  }

  if (const CXXRecordDecl *Impl = api::moduleImplOf(T)) {
    llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);
    bool IsHolder = Impl != RD;
    if (IsHolder && ArgExprs.size() == 1 &&
        ArgExprs[0]->getType()->isNullPtrType())
      return Value::unknown(); // an empty holder, assigned later
    if (IsHolder && ArgExprs.size() == 1 && Args[0].isModule() &&
        api::moduleImplOf(ArgExprs[0]->getType()) == Impl)
      return Args[0]; // a holder from a shared_ptr<Impl>
    if (ModulePtr M =
            constructModule(Impl, IsHolder ? nullptr : Ctor, Args, C, F))
      return Value::module(M);
    return Value::unknown();
  }

  if (api::isOptionsClass(RD)) {
    // LinearOptions(10, 3), SoftmaxOptions(1), CrossEntropyLossOptions().
    llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);
    Value B;
    B.Kind = Value::Builder;
    for (size_t I = 0; I < Args.size(); ++I)
      B.B.Entries.emplace_back(std::to_string(I),
                               std::make_shared<const Value>(Args[I]));
    return B;
  }

  if (!api::isLibraryDecl(RD) && !RD->isLambda()) {
    // A user's class (a trainer holding a model and a loss, ...).
    llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);
    if (Ctor->hasBody()) {
      Value V = callUser(Ctor, Args, nullptr, C, F);
      if (V.isModule())
        return V;
    }
    if (ModulePtr S = classState(RD))
      return Value::module(S);
    return Value::unknown();
  }
  return evalChildren(C, E, F);
}

//===----------------------------------------------------------------------===//
// Tensor operations
//===----------------------------------------------------------------------===//

Value TensorFlowAnalysis::Interpreter::evalTensorOp(
    api::TensorOp Op, llvm::StringRef Name, const Value &Self,
    llvm::ArrayRef<const Expr *> ArgExprs, const Expr *Call, Env &E,
    Frame &F) {
  llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);
  bool Method = isa<CXXMemberCallExpr>(Call);
  if (!Self.isTensor())
    return Value::unknown();
  TensorFact T = Self.T;
  auto Arg = [&](unsigned I) -> std::optional<int64_t> {
    return I < Args.size() ? knownInt(Args[I]) : std::nullopt;
  };
  using api::TensorOp;
  if (T.Range && !api::keepsElementOrder(Op, Name))
    T.Range->Elements.reset();
  auto Rank = T.rank();
  // Which dimension a softmax normalizes survives only the operations below
  // that keep or move it.
  Dim ActDim = T.ActDim;
  T.ActDim.reset();
  switch (Op) {
  case TensorOp::Softmax:
  case TensorOp::LogSoftmax:
  case TensorOp::Sigmoid: {
    T.Act = Op == TensorOp::Softmax      ? Activation::Softmax
            : Op == TensorOp::LogSoftmax ? Activation::LogSoftmax
                                         : Activation::Sigmoid;
    T.ActOrigin = originAt(Call, (Name + " applied here").str());
    if (Op != TensorOp::Sigmoid && Rank)
      T.ActDim = normalizeDim(Arg(0), *Rank);
    T.Range.reset();
    if (T.Type && !isFloatingDType(*T.Type)) {
      T.Type = DType::Float;
      T.TypeOrigin.reset();
    }
    for (const Value &A : Args)
      if (A.Kind == Value::ScalarType && A.ST) {
        T.Type = A.ST;
        T.TypeOrigin.reset();
      }
    return Value::tensor(T);
  }
  case TensorOp::Exp:
    if (T.Act == Activation::LogSoftmax) {
      T.Act = Activation::Softmax;
      T.ActOrigin = originAt(Call, "exp of a log_softmax is a softmax");
      T.ActDim = ActDim;
    } else {
      T.Act.reset();
    }
    T.Range.reset();
    return Value::tensor(T);
  case TensorOp::Log:
    if (T.Act == Activation::Softmax) {
      T.Act = Activation::LogSoftmax;
      T.ActOrigin = originAt(Call, "log of a softmax is a log_softmax");
      T.ActDim = ActDim;
    } else {
      T.Act.reset();
    }
    T.Range.reset();
    return Value::tensor(T);
  case TensorOp::Unsqueeze: {
    if (!Rank)
      return Value::tensor(T);
    auto D = Arg(0);
    if (!D)
    {
      T.Sizes.reset();
      T.SizesOrigin.reset();
      T.Unsqueezed.reset();
      return Value::tensor(T);
    }
    int64_t N = *D < 0 ? *D + static_cast<int64_t>(*Rank) + 1 : *D;
    if (N < 0 || N > static_cast<int64_t>(*Rank))
      return Value::unknown(); // LibTorch raises an index error here
    T.Sizes->insert(T.Sizes->begin() + N, Dim(1));
    if (ActDim)
      T.ActDim = *ActDim + (N <= *ActDim ? 1 : 0);
    T.Unsqueezed =
        UnsqueezeSite{originAt(Call, "unsqueeze(" + std::to_string(*D) + ")"),
                      N};
    return Value::tensor(T);
  }
  case TensorOp::Squeeze: {
    T.Unsqueezed.reset();
    if (!Rank)
      return Value::tensor(T);
    if (Args.empty()) {
      llvm::SmallVector<Dim, 4> S;
      for (const Dim &D : *T.Sizes) {
        if (!D) {
          T.Sizes.reset();
          return Value::tensor(T);
        }
        if (*D != 1)
          S.push_back(D);
      }
      T.Sizes = S;
      return Value::tensor(T);
    }
    auto D = normalizeDim(Arg(0), *Rank);
    if (!D || !(*T.Sizes)[*D]) {
      T.Sizes.reset();
      return Value::tensor(T);
    }
    if (*(*T.Sizes)[*D] == 1)
      T.Sizes->erase(T.Sizes->begin() + *D);
    return Value::tensor(T);
  }
  case TensorOp::View: {
    T.Unsqueezed.reset();
    std::optional<llvm::SmallVector<Dim, 4>> S;
    if (Args.size() == 1)
      S = sizesOf(Args[0]);
    if (!S) {
      T.Sizes.reset();
      return Value::tensor(T);
    }
    // Resolve a -1 from the element count when every size is known.
    std::optional<int64_t> Numel = numel(T.Sizes);
    std::optional<int64_t> Known = 1;
    int Infer = -1;
    for (size_t I = 0; I < S->size(); ++I) {
      if ((*S)[I] && *(*S)[I] == -1)
        Infer = I;
      else if ((*S)[I] && Known)
        *Known *= *(*S)[I];
      else
        Known.reset(); // another size is unknown: so is the inferred one
    }
    if (Infer >= 0)
      (*S)[Infer] = Numel && Known && *Known > 0 && *Numel % *Known == 0
                        ? Dim(*Numel / *Known)
                        : std::nullopt;
    T.Sizes = *S;
    T.SizesOrigin = originAt(Call, describeCall(Name, Method) +
                                       " gives shape " + formatShape(T.Sizes));
    return Value::tensor(T);
  }
  case TensorOp::Flatten: {
    ModuleFact Flat;
    Flat.Kind = ModuleKind::Flatten;
    Flat.A = Args.size() > 0 ? Arg(0) : Dim(0);
    Flat.B = Args.size() > 1 ? Arg(1) : Dim(-1);
    llvm::SmallVector<Value, 1> In{Value::tensor(T)};
    Value R = applyModule(std::make_shared<ModuleFact>(Flat), In, {}, Call, E,
                          F);
    if (R.isTensor()) {
      R.T.Act = T.Act;
      R.T.ActOrigin = T.ActOrigin;
    }
    return R;
  }
  case TensorOp::Permute: {
    if (Args.size() == 1 && Rank) {
      auto P = sizesOf(Args[0]);
      if (P && P->size() == *Rank) {
        llvm::SmallVector<Dim, 4> S;
        for (const Dim &D : *P) {
          auto N = normalizeDim(D, *Rank);
          if (!N) {
            S.clear();
            break;
          }
          S.push_back((*T.Sizes)[*N]);
        }
        if (S.size() == *Rank) {
          T.Sizes = S;
          for (size_t I = 0; I < P->size(); ++I)
            if (ActDim && normalizeDim((*P)[I], *Rank) == ActDim)
              T.ActDim = I;
          return Value::tensor(T);
        }
      }
    }
    if (T.Sizes)
      for (Dim &D : *T.Sizes)
        D.reset();
    return Value::tensor(T);
  }
  case TensorOp::Transpose:
  case TensorOp::T: {
    if (!Rank)
      return Value::tensor(T);
    auto A = Op == TensorOp::T ? Dim(0) : normalizeDim(Arg(0), *Rank);
    auto B = Op == TensorOp::T ? Dim(*Rank > 1 ? 1 : 0)
                               : normalizeDim(Arg(1), *Rank);
    if (A && B && *A < static_cast<int64_t>(*Rank) &&
        *B < static_cast<int64_t>(*Rank)) {
      std::swap((*T.Sizes)[*A], (*T.Sizes)[*B]);
      T.ActDim = ActDim == A ? B : ActDim == B ? A : ActDim;
    } else
      for (Dim &D : *T.Sizes)
        D.reset();
    return Value::tensor(T);
  }
  case TensorOp::ConvertTo: {
    Origin At = originAt(Call, "");
    bool Known = false;
    // to(dtype), to(options), to(device[, dtype]), to(other), type_as(other)
    for (size_t I = 0; I < Args.size() && I < 2; ++I) {
      if (applyConversion(Args[I], ArgExprs[I]->getType(), T, At))
        Known = true;
      else if (I == 0)
        break;
    }
    if (!Known) {
      T.Type.reset();
      T.TypeOrigin.reset();
    } else if (T.Type && T.TypeOrigin && T.TypeOrigin->Loc == At.Loc) {
      T.TypeOrigin->What = (describeCall(Name, Method) + " converts it to " +
                            dtypeName(*T.Type) + " here")
                               .str();
    }
    if (T.Type && !isIntegralDType(*T.Type))
      T.Range.reset();
    T.ActDim = ActDim;
    return Value::tensor(T);
  }
  case TensorOp::Same:
    T.ActDim = ActDim;
    return Value::tensor(T);
  case TensorOp::Elementwise: {
    std::optional<ValueRange> Before = T.Range;
    forgetValues(T);
    if (api::outOfPlaceName(Name) == "clamp" && Arg(0) && Arg(1) &&
        T.Type && isIntegralDType(*T.Type))
      T.Range = Before ? Before->clamped(*Arg(0), *Arg(1))
                       : ValueRange::bounds(*Arg(0), *Arg(1));
    return Value::tensor(T);
  }
  case TensorOp::FloatElementwise:
    forgetValues(T);
    if (T.Type && !isFloatingDType(*T.Type)) {
      T.Type = DType::Float;
      T.TypeOrigin = originAt(Call, describeCall(Name, Method) +
                                        " of an integer tensor yields float");
    }
    return Value::tensor(T);
  case TensorOp::Compare:
    return compare(T, Args.empty() ? Value() : Args[0], Call);
  case TensorOp::Reduce: {
    TensorFact R;
    R.Type = T.Type;
    R.TypeOrigin = T.TypeOrigin;
    if (T.Type && !isFloatingDType(*T.Type) && Name != "amax" &&
        Name != "amin") {
      R.Type = DType::Long; // integer sums and products accumulate in int64
      R.TypeOrigin = originAt(Call, describeCall(Name, Method) +
                                        " of an integer tensor yields int64");
    }
    if (Args.empty()) {
      R.Sizes.emplace(); // a full reduction: a 0-d tensor
      return Value::tensor(R);
    }
    std::optional<llvm::SmallVector<Dim, 4>> Dims = sizesOf(Args[0]);
    // std(dim, unbiased, keepdim), var(...): keepdim comes third.
    size_t KeepDimAt = Name == "std" || Name == "var" ? 2 : 1;
    bool KeepDim = Args.size() > KeepDimAt &&
                   Args[KeepDimAt].Kind == Value::Bool &&
                   Args[KeepDimAt].I.value_or(0);
    bool KeepDimKnown = Args.size() <= KeepDimAt ||
                        Args[KeepDimAt].Kind != Value::Bool ||
                        Args[KeepDimAt].I.has_value();
    if (!Rank || !Dims || !KeepDimKnown)
      return Value::tensor(R);
    llvm::SmallVector<bool, 4> Reduced(*Rank, false);
    for (const Dim &D : *Dims) {
      auto N = normalizeDim(D, *Rank);
      if (!N)
        return Value::tensor(R);
      Reduced[*N] = true;
    }
    R.Sizes.emplace();
    for (size_t I = 0; I < *Rank; ++I) {
      if (ActDim && I == static_cast<size_t>(*ActDim) && !Reduced[I])
        R.ActDim = R.Sizes->size();
      if (!Reduced[I])
        R.Sizes->push_back((*T.Sizes)[I]);
      else if (KeepDim)
        R.Sizes->push_back(Dim(1));
    }
    // The mean of softmaxes over another dimension (an ensemble's average)
    // is still a distribution over the same dimension.
    if (Name == "mean" && T.Act == Activation::Softmax && R.ActDim) {
      R.Act = T.Act;
      R.ActOrigin = T.ActOrigin;
    } else {
      R.ActDim.reset();
    }
    return Value::tensor(R);
  }
  case TensorOp::Slice: {
    T.Act.reset();
    T.ActOrigin.reset();
    T.Unsqueezed.reset();
    if (!Rank)
      return Value::tensor(T);
    // slice(dim, start, end), narrow(dim, start, length),
    // index_select(dim, index); the default dim of slice is 0.
    auto D = normalizeDim(Args.empty() ? Dim(0) : Arg(0), *Rank);
    if (!D) {
      for (Dim &X : *T.Sizes)
        X.reset();
      return Value::tensor(T);
    }
    Dim &Extent = (*T.Sizes)[*D];
    Dim Length;
    if (Name == "narrow") {
      Length = Arg(2);
    } else if (Name == "index_select") {
      if (Args.size() > 1 && Args[1].isTensor() && Args[1].T.rank() == 1u)
        Length = (*Args[1].T.Sizes)[0];
    } else {
      auto Given = [&](unsigned I) -> std::optional<Dim> {
        return I < Args.size() ? std::optional<Dim>(Arg(I)) : std::nullopt;
      };
      Length =
          sliceLength(Extent, Given(1), Given(2), Args.size() > 3 ? Arg(3) : 1);
    }
    Extent = Length;
    keepSomeValues(T);
    return Value::tensor(T);
  }
  case TensorOp::Split: {
    // chunk(n, dim), split(size or sizes, dim), unbind(dim): the pieces,
    // one by one when the extent split is known.
    T.Act.reset();
    T.ActOrigin.reset();
    T.Unsqueezed.reset();
    keepSomeValues(T);
    bool Unbind = Name == "unbind";
    size_t DimArg = Unbind ? 0 : 1;
    auto D = Rank ? normalizeDim(Args.size() > DimArg ? Arg(DimArg) : Dim(0),
                                 *Rank)
                  : std::nullopt;
    auto Piece = [&](Dim Size) {
      TensorFact P = T;
      if (!D) {
        if (P.Sizes)
          P.Sizes->assign(*Rank - (Unbind ? 1 : 0), std::nullopt);
      } else if (Unbind) {
        P.Sizes->erase(P.Sizes->begin() + *D);
      } else {
        (*P.Sizes)[*D] = Size;
      }
      return Value::tensor(P);
    };
    Dim Extent = D ? (*T.Sizes)[*D] : std::nullopt;
    std::optional<int64_t> Size = Unbind ? 1 : Arg(0);
    if (Size && Name == "chunk")
      Size = *Size > 0 && Extent ? (*Extent + *Size - 1) / *Size : 0;
    std::vector<Value> Pieces;
    if (Extent && *Extent > 0 && Size && *Size > 0 &&
        *Extent / *Size <= static_cast<int64_t>(MaxUnrolledItems)) {
      for (int64_t Start = 0; Start < *Extent; Start += *Size)
        Pieces.push_back(Piece(std::min(*Size, *Extent - Start)));
    } else if (auto Sizes = Args.empty() ? std::nullopt : sizesOf(Args[0]);
               Extent && Sizes && !Size && Sizes->size() <= MaxUnrolledItems) {
      // split({2, 3}): pieces of the sizes given, which add up to the extent
      // (LibTorch raises otherwise).
      int64_t Sum = 0;
      for (Dim S : *Sizes) {
        Sum += S.value_or(0);
        Pieces.push_back(Piece(S));
      }
      if (Sum != *Extent)
        Pieces.clear();
    }
    if (Pieces.empty())
      return Value::list({Piece(std::nullopt)}, /*Exact=*/false);
    return Value::list(std::move(Pieces));
  }
  case TensorOp::Select:
    T.Act.reset();
    T.ActOrigin.reset();
    T.Unsqueezed.reset();
    keepSomeValues(T);
    if (Rank && *Rank > 0)
      if (auto D = normalizeDim(Arg(0), *Rank)) {
        T.Sizes->erase(T.Sizes->begin() + *D);
        return Value::tensor(T);
      }
    T.Sizes.reset();
    return Value::tensor(T);
  case TensorOp::Repeat: {
    T.Act.reset();
    T.Unsqueezed.reset();
    if (T.Range)
      T.Range->Uniform = false; // copies of the same draws
    auto Repeats = Args.size() == 1 ? sizesOf(Args[0]) : std::nullopt;
    if (!Rank || !Repeats || Repeats->size() < *Rank) {
      T.Sizes.reset();
      return Value::tensor(T);
    }
    // Leading repeats add dimensions; the others multiply.
    llvm::SmallVector<Dim, 4> S(Repeats->begin(),
                                Repeats->end() - *Rank);
    for (size_t I = 0; I < *Rank; ++I) {
      Dim R = (*Repeats)[Repeats->size() - *Rank + I], D = (*T.Sizes)[I];
      S.push_back(R && D ? Dim(*R * *D) : std::nullopt);
    }
    if (llvm::is_contained(*Repeats, Dim(0)) && T.Range)
      T.Range->Present.clear(); // an empty tensor holds no value
    T.Sizes = S;
    return Value::tensor(T);
  }
  case TensorOp::Expand: {
    T.Act.reset();
    T.ActOrigin.reset();
    T.Unsqueezed.reset();
    if (T.Range)
      T.Range->Uniform = false; // copies of the same draws
    std::optional<llvm::SmallVector<Dim, 4>> To;
    if (Name == "expand_as" && !Args.empty() && Args[0].isTensor())
      To = Args[0].T.Sizes;
    else if (!Args.empty())
      To = sizesOf(Args[0]);
    if (!To || !Rank || To->size() < *Rank) {
      T.Sizes.reset();
      return Value::tensor(T);
    }
    // -1 keeps the dimension it is aligned with (from the right).
    for (size_t I = 0; I < *Rank; ++I) {
      Dim &D = (*To)[To->size() - *Rank + I];
      if (D == -1)
        D = (*T.Sizes)[I];
    }
    for (Dim &D : *To)
      if (D && *D < 0)
        D.reset(); // LibTorch raises for a new dimension of -1
    T.Sizes = *To;
    return Value::tensor(T);
  }
  case TensorOp::OneHot: {
    TensorFact R;
    R.Type = DType::Long;
    R.TypeOrigin = originAt(Call, "one_hot returns an int64 tensor");
    Dim Classes = Arg(0);
    if (T.Sizes && Classes && *Classes > 0) {
      R.Sizes = T.Sizes;
      R.Sizes->push_back(Classes);
      R.SizesOrigin = originAt(Call, "one_hot gives shape " +
                                         formatShape(R.Sizes));
      R.Range = ValueRange::bounds(0, 1);
    }
    return Value::tensor(R);
  }
  case TensorOp::ArgMax: {
    TensorFact R;
    R.Type = DType::Long;
    R.TypeOrigin = originAt(Call, Name.str() + " returns int64 indices");
    if (Rank && !Args.empty()) {
      auto D = normalizeDim(Arg(0), *Rank);
      bool KeepDim = Args.size() > 1 && Arg(1) && *Arg(1);
      if (D) {
        R.Sizes = T.Sizes;
        Dim Extent = (*R.Sizes)[*D];
        if (KeepDim)
          (*R.Sizes)[*D] = 1;
        else
          R.Sizes->erase(R.Sizes->begin() + *D);
        if (Extent && *Extent > 0)
          R.Range = ValueRange::bounds(0, *Extent - 1);
      }
    } else if (Args.empty()) {
      R.Sizes.emplace();
    }
    return Value::tensor(R);
  }
  case TensorOp::Arith: {
    if (Args.empty())
      return Value::unknown();
    llvm::StringRef Base = api::outOfPlaceName(Name);
    bool Rounding = Args.size() > 1 && Base == "div";
    llvm::StringRef Sym = llvm::StringSwitch<llvm::StringRef>(Base)
                              .Case("add", "+")
                              .Case("sub", "-")
                              .Case("mul", "*")
                              .Cases("remainder", "fmod", "%")
                              .Case("floor_divide", "//")
                              .Default("/");
    return evalArith(Sym, Self, Args[0], ArgExprs[0], Rounding, Call);
  }
  case TensorOp::MatMul: {
    if (Args.empty() || !Args[0].isTensor())
      return Value::unknown();
    const TensorFact &R = Args[0].T;
    TensorFact Out;
    if (T.Type && R.Type)
      Out.Type = promoteDTypes(*T.Type, *R.Type);
    if (!Rank || !R.rank() || *Rank == 0 || *R.rank() == 0)
      return Value::tensor(Out);
    // matmul's rules: vectors lose their dimension, matrices multiply, the
    // leading dimensions broadcast.
    llvm::SmallVector<Dim, 4> A(*T.Sizes), B(*R.Sizes);
    bool VecA = A.size() == 1, VecB = B.size() == 1;
    if (VecA)
      A.insert(A.begin(), Dim(1));
    if (VecB)
      B.push_back(Dim(1));
    Shape Batch = broadcast(
        llvm::SmallVector<Dim, 4>(A.begin(), A.end() - 2),
        llvm::SmallVector<Dim, 4>(B.begin(), B.end() - 2));
    if (!Batch)
      return Value::tensor(Out);
    llvm::SmallVector<Dim, 4> S(*Batch);
    if (!VecA)
      S.push_back(A[A.size() - 2]);
    if (!VecB)
      S.push_back(B.back());
    Out.Sizes = S;
    return Value::tensor(Out);
  }
  case TensorOp::MaxMin: {
    if (Args.empty()) {
      TensorFact R = T;
      R.Sizes.emplace(); // the maximum of all elements
      keepSomeValues(R);
      R.Act.reset();
      R.Unsqueezed.reset();
      return Value::tensor(R);
    }
    // max(dim[, keepdim]): the pair (values, indices).
    TensorFact Values = T, Indices;
    keepSomeValues(Values);
    Values.Act.reset();
    Values.Unsqueezed.reset();
    Values.Sizes.reset();
    Indices.Type = DType::Long;
    Indices.TypeOrigin = originAt(Call, Name.str() + " returns int64 indices");
    auto D = Rank ? normalizeDim(Arg(0), *Rank) : std::nullopt;
    bool KeepDim = Args.size() > 1 && Arg(1).value_or(0);
    if (D && (Args.size() < 2 || Arg(1))) {
      llvm::SmallVector<Dim, 4> S(*T.Sizes);
      Dim Extent = S[*D];
      if (KeepDim)
        S[*D] = 1;
      else
        S.erase(S.begin() + *D);
      Values.Sizes = Indices.Sizes = S;
      if (Extent && *Extent > 0)
        Indices.Range = ValueRange::bounds(0, *Extent - 1);
    }
    return Value::list({Value::tensor(Values), Value::tensor(Indices)});
  }
  case TensorOp::Where: {
    // where(condition, x, y)
    if (Args.size() != 2)
      return Value::unknown();
    TensorFact R;
    R.Sizes = T.Sizes;
    for (const Value &A : Args)
      if (A.isTensor())
        R.Sizes = broadcast(R.Sizes, A.T.Sizes);
    if (Args[0].isTensor() && Args[1].isTensor() && Args[0].T.Type &&
        Args[1].T.Type)
      R.Type = promoteDTypes(*Args[0].T.Type, *Args[1].T.Type);
    return Value::tensor(R);
  }
  case TensorOp::RepeatInterleave: {
    T.Act.reset();
    T.Unsqueezed.reset();
    auto Repeats = Arg(0);
    if (Args.size() < 2) {
      T.Sizes = llvm::SmallVector<Dim, 4>{std::nullopt}; // flattened
      return Value::tensor(T);
    }
    auto D = Rank ? normalizeDim(Arg(1), *Rank) : std::nullopt;
    if (!D) {
      if (T.Sizes)
        for (Dim &X : *T.Sizes)
          X.reset();
      return Value::tensor(T);
    }
    Dim &Extent = (*T.Sizes)[*D];
    Extent = Extent && Repeats ? Dim(*Extent * *Repeats) : std::nullopt;
    return Value::tensor(T);
  }
  case TensorOp::Cat:
  case TensorOp::Stack:
    return Value::unknown(); // handled with their list argument
  case TensorOp::Size:
    if (Rank && !Args.empty())
      if (auto D = normalizeDim(Arg(0), *Rank))
        return Value::integer((*T.Sizes)[*D]);
    return Value::integer(std::nullopt);
  case TensorOp::Sizes: {
    Value L;
    L.Kind = Value::IntList;
    if (T.Sizes)
      L.Ints = *T.Sizes;
    return L;
  }
  case TensorOp::DTypeOf:
    return Value::scalarType(T.Type);
  case TensorOp::OptionsOf: {
    OptionsFact O;
    O.DTypeKnown = T.Type.has_value();
    O.Type = T.Type;
    return Value::options(O);
  }
  case TensorOp::Index:
    if (Name == "index") {
      // t.index({Slice(), -1}): the same dtype, some of the values.
      auto Items = ArgExprs.size() == 1 ? api::tensorIndexList(ArgExprs[0])
                                        : std::nullopt;
      std::optional<ValueRange> Looked = Items && Items->size() == 1
                                             ? lookUp(Self.T, (*Items)[0], E, F)
                                             : std::nullopt;
      T.Sizes = Items ? indexedSizes(T, *Items, E, F) : std::nullopt;
      T.Act.reset();
      T.ActOrigin.reset();
      T.Unsqueezed.reset();
      keepSomeValues(T);
      if (Looked)
        T.Range = std::move(Looked);
      return Value::tensor(T);
    }
    if (Rank && *Rank > 0 && !Args.empty() && Args[0].Kind == Value::Int) {
      T.Sizes->erase(T.Sizes->begin());
      T.Unsqueezed.reset();
      keepSomeValues(T);
      return Value::tensor(T);
    }
    return Value::unknown();
  case TensorOp::Unknown:
    return Value::unknown();
  }
  return Value::unknown();
}

/// Whether V is a tensor of positions to index with: int64 or int32 (bool and
/// uint8 tensors are masks).
static bool isIndexTensor(const Value &V) {
  return V.isTensor() && V.T.Type &&
         (*V.T.Type == DType::Long || *V.T.Type == DType::Int);
}

/// The sizes of T.index({...}) for basic indexing (integers, slices, None,
/// "...") and one tensor of int64 or int32 indices, whose sizes take the
/// place of the dimension it indexes; nullopt for masks, several index
/// tensors (their sizes broadcast) or an unknown rank.
Shape TensorFlowAnalysis::Interpreter::indexedSizes(
    const TensorFact &T, llvm::ArrayRef<api::TensorIndexItem> Items, Env &E,
    Frame &F) {
  using Item = api::TensorIndexItem;
  llvm::SmallVector<Item, 4> Basic(Items);
  std::optional<size_t> Advanced;
  Shape IndexSizes;
  for (size_t I = 0; I < Basic.size(); ++I) {
    if (Basic[I].Kind != Item::Other)
      continue;
    if (Advanced || !Basic[I].Position)
      return std::nullopt;
    Value Index = eval(Basic[I].Position, E, F);
    if (!isIndexTensor(Index) || !Index.T.Sizes)
      return std::nullopt;
    Advanced = I;
    IndexSizes = Index.T.Sizes;
    Basic[I] = Item();
    Basic[I].Kind = Item::Slice; // the whole dimension, replaced below
  }
  std::optional<StridedView> V = StridedView::of(T.Sizes);
  if (!V || !applyIndex(*V, Basic, E, F))
    return std::nullopt;
  if (!Advanced)
    return V->Sizes;
  // The dimension of the result the index tensor stands at: integers before
  // it select theirs away, None and slices keep one, "..." the rest.
  size_t Rank = T.Sizes->size(), Indexed = 0, At = 0;
  for (const Item &I : Basic)
    Indexed += I.Kind == Item::Integer || I.Kind == Item::Slice;
  for (size_t I = 0; I < *Advanced; ++I)
    At += Basic[I].Kind == Item::Ellipsis  ? Rank - Indexed
          : Basic[I].Kind == Item::Integer ? 0
                                           : 1;
  llvm::SmallVector<Dim, 4> Sizes(V->Sizes);
  Sizes.erase(Sizes.begin() + At);
  Sizes.insert(Sizes.begin() + At, IndexSizes->begin(), IndexSizes->end());
  return Sizes;
}

/// Whether a tensor of dtype T stores the integer V as V.
static bool storesExactly(std::optional<DType> T, int64_t V) {
  auto Within = [&](int64_t Lo, int64_t Hi) { return V >= Lo && V <= Hi; };
  if (!T)
    return false;
  switch (*T) {
  case DType::Long:
    return true;
  case DType::Int:
    return Within(INT32_MIN, INT32_MAX);
  case DType::Short:
    return Within(INT16_MIN, INT16_MAX);
  case DType::Char:
    return Within(INT8_MIN, INT8_MAX);
  case DType::Byte:
    return Within(0, UINT8_MAX);
  default:
    return false;
  }
}

/// Every element of the tensor, when known.
static const std::vector<int64_t> *elementsOf(const TensorFact &T) {
  if (!T.Range || !T.Range->Elements)
    return nullptr;
  std::optional<int64_t> N = numel(T.Sizes);
  return N && *N == static_cast<int64_t>(T.Range->Elements->size())
             ? T.Range->Elements.get()
             : nullptr;
}

/// The elements of Table.index({Index}) when Table is a 1-D tensor of known
/// elements and Index a tensor of known integer indices (a table that remaps
/// labels); nullopt otherwise, or if an index is out of range (LibTorch
/// raises).
std::optional<ValueRange>
TensorFlowAnalysis::Interpreter::lookUp(const TensorFact &Table,
                                        const api::TensorIndexItem &Index,
                                        Env &E, Frame &F) {
  const std::vector<int64_t> *Entries = elementsOf(Table);
  if (!Entries || Table.rank() != 1 ||
      Index.Kind != api::TensorIndexItem::Other || !Index.Position)
    return std::nullopt;
  Value I = eval(Index.Position, E, F);
  const std::vector<int64_t> *Positions =
      isIndexTensor(I) ? elementsOf(I.T) : nullptr;
  if (!Positions)
    return std::nullopt;
  int64_t N = Entries->size();
  std::vector<int64_t> Out;
  for (int64_t P : *Positions) {
    if (P < -N || P >= N)
      return std::nullopt;
    Out.push_back((*Entries)[P < 0 ? P + N : P]);
  }
  ValueRange R = ValueRange::ofElements(std::move(Out));
  R.From = Table.Range->From;
  return R;
}

/// Whether A and B are the same sizes but for dimensions of size 1: their
/// elements then pair up in row-major order.
static bool sameSizesButOnes(const Shape &A, const Shape &B) {
  auto WithoutOnes = [](const Shape &S) -> Shape {
    if (!S)
      return std::nullopt;
    llvm::SmallVector<Dim, 4> Out;
    for (const Dim &D : *S) {
      if (!D)
        return std::nullopt;
      if (*D != 1)
        Out.push_back(D);
    }
    return Out;
  };
  Shape X = WithoutOnes(A), Y = WithoutOnes(B);
  return X && Y && *X == *Y;
}

bool TensorFlowAnalysis::Interpreter::applyIndex(
    StridedView &V, llvm::ArrayRef<api::TensorIndexItem> Items, Env &E,
    Frame &F) {
  using Item = api::TensorIndexItem;
  size_t Rank = V.Sizes.size(), Indexed = 0, Ellipses = 0;
  for (const Item &I : Items) {
    if (I.Kind == Item::Other)
      return false; // advanced indexing: a copy of unknown sizes
    Indexed += I.Kind == Item::Integer || I.Kind == Item::Slice;
    Ellipses += I.Kind == Item::Ellipsis;
  }
  if (Ellipses > 1 || Indexed > Rank)
    return false; // LibTorch raises
  auto Bound = [&](const Expr *X) -> std::optional<Dim> {
    if (!X)
      return std::nullopt;
    return knownInt(eval(X, E, F));
  };
  size_t D = 0;
  for (const Item &I : Items) {
    switch (I.Kind) {
    case Item::Integer:
      if (!V.select(D, knownInt(eval(I.Position, E, F))))
        return false;
      break;
    case Item::Slice: {
      std::optional<Dim> Step = Bound(I.Bounds[2]);
      if (!V.slice(D++, Bound(I.Bounds[0]), Bound(I.Bounds[1]),
                   Step ? *Step : 1))
        return false;
      break;
    }
    case Item::NewAxis:
      V.newAxis(D++);
      break;
    case Item::Ellipsis:
      D += Rank - Indexed;
      break;
    case Item::Other:
      return false;
    }
  }
  return true;
}

/// Applies to V the view that View, a view of its object (api::viewBase),
/// takes: t[i], select, narrow, slice and index({...}); false for any other.
bool TensorFlowAnalysis::Interpreter::applyView(StridedView &V,
                                                const Expr *View, Env &E,
                                                Frame &F) {
  const auto *Call = dyn_cast<CallExpr>(api::ignoreWrappers(View));
  if (!Call)
    return false;
  api::ApiCall C = api::classifyCall(Call);
  auto Arg = [&](unsigned I) -> std::optional<Dim> {
    if (I >= C.Args.size())
      return std::nullopt;
    return knownInt(eval(C.Args[I], E, F));
  };
  auto DimArg = [&](unsigned I) -> std::optional<int64_t> {
    std::optional<Dim> D = I < C.Args.size() ? Arg(I) : Dim(0);
    return D ? normalizeDim(*D, V.Sizes.size()) : std::nullopt;
  };
  if (C.Kind == api::ApiCall::Operator)
    return C.Name == "[]" && V.select(0, Arg(0).value_or(std::nullopt));
  if (C.Name == "index")
    if (auto Items =
            C.Args.size() == 1 ? api::tensorIndexList(C.Args[0]) : std::nullopt)
      return applyIndex(V, *Items, E, F);
  std::optional<int64_t> D = DimArg(0);
  if (!D)
    return false;
  if (C.Name == "select")
    return V.select(*D, Arg(1).value_or(std::nullopt));
  if (C.Name == "narrow") {
    Dim Start = Arg(1).value_or(std::nullopt);
    Dim Length = Arg(2).value_or(std::nullopt);
    Dim Extent = V.Sizes[*D];
    if (!Start || !Length || !Extent)
      return false;
    int64_t From = *Start < 0 ? *Start + *Extent : *Start;
    if (From < 0 || *Length < 0 || From + *Length > *Extent)
      return false; // LibTorch raises
    return V.slice(*D, Dim(From), Dim(From + *Length), 1);
  }
  if (C.Name == "slice")
    return V.slice(*D, Arg(1), Arg(2), Arg(3).value_or(1));
  return false;
}

std::optional<TensorFlowAnalysis::Interpreter::ValuesWrite>
TensorFlowAnalysis::Interpreter::writeOf(
    const Expr *Written, const TensorFact &WrittenFact,
    const std::optional<TensorIndexList> &Index, const Value &Source,
    const Expr *Site, Env &E, Frame &F) {
  // The variable written, or whose view is.
  llvm::SmallVector<const Expr *, 4> Views;
  const ValueDecl *D = storageOf(Written);
  for (const Expr *X = Written; !D; D = storageOf(X)) {
    Views.push_back(X);
    X = api::viewBase(X);
    if (!X)
      return std::nullopt;
  }
  auto It = E.Vars.find(D);
  if (It == E.Vars.end() || !It->second.isTensor())
    return std::nullopt;
  TensorFact After = It->second.T;
  Shape Region =
      Index ? indexedSizes(WrittenFact, *Index, E, F) : WrittenFact.Sizes;
  std::optional<int64_t> Count = numel(Region);
  if (Count == 0)
    return ValuesWrite{D, std::move(After)}; // nothing written
  if (!Count)
    return std::nullopt;
  // A scalar, or a tensor whose elements pair up with the region's.
  std::optional<int64_t> Scalar = knownInt(Source);
  const std::vector<int64_t> *Values =
      Source.isTensor() ? elementsOf(Source.T) : nullptr;
  if (Values && Values->size() == 1)
    Scalar = Values->front();
  if (Scalar || (Values && !sameSizesButOnes(Source.T.Sizes, Region)))
    Values = nullptr;
  // Else a tensor of integers whose values are only bounded.
  const ValueRange *Bounded = nullptr;
  if (!Scalar && !Values && Source.isTensor() && Source.T.Range &&
      Source.T.Type && isIntegralDType(*Source.T.Type))
    Bounded = &*Source.T.Range;
  if (!Scalar && !Values && !Bounded)
    return std::nullopt;
  int64_t Ends[] = {Bounded ? Bounded->Lo : 0, Bounded ? Bounded->Hi : 0};
  llvm::ArrayRef<int64_t> WrittenValues = Scalar
                                              ? llvm::ArrayRef<int64_t>(*Scalar)
                                          : Values ? llvm::ArrayRef(*Values)
                                                   : llvm::ArrayRef(Ends);
  if (!llvm::all_of(WrittenValues,
                    [&](int64_t V) { return storesExactly(After.Type, V); }))
    return std::nullopt;
  std::string What =
      (Scalar
           ? std::to_string(*Scalar) + " is"
           : "values " +
                 describeValues(Values ? ValueRange::of(*Values) : *Bounded) +
                 " are") +
      " written into it here";

  // Every element known: write them in their places.
  if (const std::vector<int64_t> *Old = elementsOf(After)) {
    std::optional<StridedView> V = StridedView::of(After.Sizes);
    for (auto I = Views.rbegin(); V && I != Views.rend(); ++I)
      if (!applyView(*V, *I, E, F))
        V.reset();
    if (V && Index && !applyIndex(*V, *Index, E, F))
      V.reset();
    std::optional<std::vector<int64_t>> Offsets =
        V ? V->offsets() : std::nullopt;
    if (Offsets && Bounded) {
      // The elements not written are still known: they occur, and the
      // written ones lie within the source's bounds.
      std::vector<bool> Written(Old->size());
      for (int64_t O : *Offsets)
        Written[O] = true;
      std::vector<int64_t> Kept;
      for (size_t I = 0; I < Old->size(); ++I)
        if (!Written[I])
          Kept.push_back((*Old)[I]);
      ValueRange R = ValueRange::of(Kept);
      R.Complete = false;
      R.Lo = Kept.empty() ? Bounded->Lo : std::min(R.Lo, Bounded->Lo);
      R.Hi = Kept.empty() ? Bounded->Hi : std::max(R.Hi, Bounded->Hi);
      R.From = After.Range->From;
      After.Range = std::move(R);
      return ValuesWrite{D, std::move(After)};
    }
    if (Offsets && (!Values || Offsets->size() == Values->size())) {
      std::vector<int64_t> New = *Old;
      for (size_t I = 0; I < Offsets->size(); ++I)
        New[(*Offsets)[I]] = Scalar ? *Scalar : (*Values)[I];
      ValueRange R = ValueRange::ofElements(std::move(New));
      // A scalar filled into a region (padding, a marker) beyond the values
      // there before is where that value comes from; values copied in, or
      // set one element at a time, keep the tensor's origin (the fill
      // around them).
      bool NewExtreme =
          Scalar && (*Scalar < After.Range->Lo || *Scalar > After.Range->Hi);
      R.From = NewExtreme && Offsets->size() > 1 ? originAt(Site, What)
                                                 : After.Range->From;
      After.Range = std::move(R);
      return ValuesWrite{D, std::move(After)};
    }
  }
  // Else a scalar written into a non-empty region occurs afterwards; the
  // values written over may be gone.
  bool Whole = Views.empty() && !Index;
  if (!Scalar || (!Whole && !After.Range))
    return std::nullopt;
  ValueRange R = ValueRange::of({*Scalar});
  if (std::optional<int64_t> N = numel(After.Sizes);
      Whole && N && *N <= static_cast<int64_t>(ValueRange::MaxElements))
    R = ValueRange::ofElements(std::vector<int64_t>(*N, *Scalar));
  if (!Whole) {
    R = ValueRange::bounds(std::min(After.Range->Lo, *Scalar),
                           std::max(After.Range->Hi, *Scalar));
    R.Present = {*Scalar};
  }
  R.From = originAt(Site, What);
  After.Range = std::move(R);
  return ValuesWrite{D, std::move(After)};
}

/// t.fill_(v), t.zero_(), t.copy_(src), t.index_put_({...}, v).
std::optional<TensorFlowAnalysis::Interpreter::ValuesWrite>
TensorFlowAnalysis::Interpreter::writeOf(const api::ApiCall &Call,
                                         const Value &Self, const Expr *Site,
                                         Env &E, Frame &F) {
  if (!Self.isTensor())
    return std::nullopt;
  llvm::StringRef Name = Call.Name;
  if (Name == "zero_")
    return writeOf(Call.Self, Self.T, std::nullopt, Value::integer(0), Site, E,
                   F);
  if ((Name == "fill_" || Name == "copy_") && !Call.Args.empty())
    return writeOf(Call.Self, Self.T, std::nullopt, eval(Call.Args[0], E, F),
                   Site, E, F);
  if (Name == "index_put_" && Call.Args.size() >= 2)
    if (auto Items = api::tensorIndexList(Call.Args[0]))
      return writeOf(Call.Self, Self.T, Items, eval(Call.Args[1], E, F), Site,
                     E, F);
  return std::nullopt;
}

static Shape broadcast(const Shape &A, const Shape &B) {
  if (!A || !B)
    return std::nullopt;
  size_t N = std::max(A->size(), B->size());
  llvm::SmallVector<Dim, 4> Out(N);
  for (size_t I = 0; I < N; ++I) {
    Dim X = I < N - A->size() ? Dim(1) : (*A)[I - (N - A->size())];
    Dim Y = I < N - B->size() ? Dim(1) : (*B)[I - (N - B->size())];
    if (X && *X == 1)
      Out[I] = Y;
    else if (Y && *Y == 1)
      Out[I] = X;
    else if (X == Y)
      Out[I] = X;
    else
      Out[I] = std::nullopt;
  }
  return Out;
}

Value TensorFlowAnalysis::Interpreter::compare(const TensorFact &L,
                                               const Value &R,
                                               const Expr *Call) {
  TensorFact T;
  T.Sizes = R.isTensor() ? broadcast(L.Sizes, R.T.Sizes) : L.Sizes;
  if (T.Sizes == L.Sizes)
    T.Unsqueezed = L.Unsqueezed;
  T.Type = DType::Bool;
  T.TypeOrigin = originAt(Call, "a comparison yields a bool tensor");
  T.Range = ValueRange::bounds(0, 1);
  return Value::tensor(T);
}

Value TensorFlowAnalysis::Interpreter::evalArith(llvm::StringRef Op,
                                                 const Value &L,
                                                 const Value &R,
                                                 const Expr *RExpr,
                                                 bool HasRoundingMode,
                                                 const Expr *Call) {
  TensorFact T = L.T;
  allocated(T);
  std::optional<ValueRange> Range = T.Range;
  forgetValues(T);
  if (R.isTensor()) {
    Shape Before = T.Sizes;
    T.Sizes = broadcast(T.Sizes, R.T.Sizes);
    if (T.Sizes != Before)
      T.Unsqueezed.reset();
    if (T.Type && R.T.Type)
      T.Type = promoteDTypes(*T.Type, *R.T.Type);
    else
      T.Type.reset();
  } else {
    // A scalar operand: a floating scalar makes an integer tensor float.
    QualType RT = api::ignoreWrappers(RExpr)->getType();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(api::ignoreWrappers(RExpr)))
      if (CE->getNumArgs() == 1)
        RT = api::ignoreWrappers(CE->getArg(0))->getType();
    bool FloatScalar = RT->isRealFloatingType();
    if (!RT->isArithmeticType() && R.Kind != Value::Int)
      T.Type.reset();
    else if (T.Type && !isFloatingDType(*T.Type) && FloatScalar) {
      T.Type = DType::Float;
      T.TypeOrigin = originAt(Call, "arithmetic with a floating-point scalar "
                                    "yields float");
    }
    if (Range && R.Kind == Value::Int && R.I && T.Type &&
        isIntegralDType(*T.Type)) {
      std::optional<ValueRange::Op> RangeOp =
          llvm::StringSwitch<std::optional<ValueRange::Op>>(Op)
              .Case("+", ValueRange::Add)
              .Case("-", ValueRange::Sub)
              .Case("*", ValueRange::Mul)
              .Case("%", ValueRange::Rem)
              .Default(std::nullopt);
      if (RangeOp)
        T.Range = Range->apply(*RangeOp, *R.I);
    }
  }
  if (Op == "/" && !HasRoundingMode && T.Type && !isFloatingDType(*T.Type)) {
    T.Type = DType::Float;
    T.TypeOrigin =
        originAt(Call, "true division of an integer tensor yields float");
  }
  return Value::tensor(T);
}

//===----------------------------------------------------------------------===//
// Factories
//===----------------------------------------------------------------------===//

/// The C++ type of the scalars a torch::tensor(...) argument holds, and its
/// nesting, read off the TensorDataContainer constructors Sema chose.
static void scanTensorData(const Expr *X, const ASTContext &Ctx,
                           std::optional<DType> &Type, bool &Mixed,
                           Shape &Sizes, std::vector<int64_t> &Values,
                           bool &ValuesKnown) {
  X = api::ignoreWrappers(X);
  QualType QT = X->getType();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(X)) {
    if (CE->getNumArgs() == 1 &&
        !CE->getConstructor()->isCopyOrMoveConstructor()) {
      QualType PT = CE->getConstructor()->getParamDecl(0)->getType();
      const CXXRecordDecl *PR = PT.getNonReferenceType()->getAsCXXRecordDecl();
      if (PR && PR->getName() == "initializer_list") {
        const Expr *Inner = api::ignoreWrappers(CE->getArg(0));
        if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(Inner))
          Inner = api::ignoreWrappers(SIL->getSubExpr());
        if (const auto *IL = dyn_cast<InitListExpr>(Inner)) {
          Shape Child;
          bool First = true;
          for (const Expr *Init : IL->inits()) {
            Shape S;
            scanTensorData(Init, Ctx, Type, Mixed, S, Values, ValuesKnown);
            if (First)
              Child = S;
            else if (Child != S)
              Child.reset();
            First = false;
          }
          if (Child || IL->getNumInits() == 0) {
            llvm::SmallVector<Dim, 4> Out{Dim(IL->getNumInits())};
            if (Child)
              Out.append(Child->begin(), Child->end());
            Sizes = Out;
          }
          return;
        }
        Mixed = true;
        return;
      }
      if (PR && (PR->getName() == "vector" || PR->getName() == "ArrayRef")) {
        const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(PR);
        if (Spec && Spec->getTemplateArgs().size() > 0)
          QT = Spec->getTemplateArgs()[0].getAsType();
        Sizes = llvm::SmallVector<Dim, 4>{std::nullopt};
        ValuesKnown = false;
      } else {
        QT = PT.getNonReferenceType();
        X = CE->getArg(0);
        Sizes = llvm::SmallVector<Dim, 4>{};
      }
    }
  } else {
    Sizes = llvm::SmallVector<Dim, 4>{};
  }
  QT = QT.getCanonicalType().getUnqualifiedType();
  std::optional<DType> Leaf;
  if (QT->isBooleanType())
    Leaf = DType::Bool;
  else if (QT->isRealFloatingType())
    Leaf = DType::Float; // the default dtype, as torch::tensor converts
  else if (QT->isIntegerType()) {
    uint64_t Width = Ctx.getTypeSize(QT);
    bool Signed = QT->isSignedIntegerType();
    Leaf = Width >= 32 ? DType::Long
           : Width == 16 ? DType::Short
           : Signed      ? DType::Char
                         : DType::Byte;
    if (QT->isCharType() && !QT->isSignedIntegerType())
      Leaf = DType::Byte;
    Expr::EvalResult R;
    if (ValuesKnown && !X->isValueDependent() &&
        api::ignoreWrappers(X)->EvaluateAsInt(R, Ctx))
      Values.push_back(R.Val.getInt().getExtValue());
    else
      ValuesKnown = false;
  } else {
    Mixed = true;
    return;
  }
  if (Type && Type != Leaf)
    Mixed = true;
  Type = Leaf;
}

Value TensorFlowAnalysis::Interpreter::tensorLiteral(const Expr *Data,
                                                     const Expr *Call) {
  std::optional<DType> Type;
  bool Mixed = false, ValuesKnown = true;
  Shape Sizes;
  std::vector<int64_t> Values;
  scanTensorData(Data, Ctx, Type, Mixed, Sizes, Values, ValuesKnown);
  TensorFact T;
  T.Sizes = Sizes;
  T.SizesOrigin = originAt(Call, "torch::tensor creates shape " +
                                     formatShape(Sizes));
  if (!Mixed && Type) {
    T.Type = Type;
    T.TypeOrigin = originAt(Call, std::string("torch::tensor of ") +
                                      (isFloatingDType(*Type)
                                           ? "floating-point values"
                                           : dtypeName(*Type).str() + " values") +
                                      " creates a " + dtypeName(*Type).str() +
                                      " tensor");
  }
  if (!Mixed && ValuesKnown && !Values.empty() && T.Type &&
      isIntegralDType(*T.Type)) {
    T.Range = numel(Sizes) == static_cast<int64_t>(Values.size())
                  ? ValueRange::ofElements(Values)
                  : ValueRange::of(Values);
    T.Range->From = originAt(Call, "torch::tensor holds the values " +
                                       describeValues(*T.Range));
  }
  return Value::tensor(T);
}

Value TensorFlowAnalysis::Interpreter::evalFactory(
    api::Factory Kind, llvm::StringRef Name, llvm::ArrayRef<const Expr *> ArgExprs,
    const Expr *Call, Env &E, Frame &F) {
  llvm::SmallVector<Value, 4> Args = evalArgs(ArgExprs, E, F);
  TensorFact T;
  auto OptionsAt = [&](size_t I) -> std::optional<OptionsFact> {
    if (I >= Args.size())
      return std::nullopt;
    if (Args[I].Kind == Value::Options)
      return Args[I].O;
    if (Args[I].Kind == Value::ScalarType)
      return OptionsFact{Args[I].ST.has_value(), Args[I].ST};
    if (api::isTensorOptionsType(ArgExprs[I]->getType()))
      return OptionsFact{}; // options whose dtype cannot be told
    return std::nullopt;
  };
  // Finds the TensorOptions argument, if any, after position From.
  auto FindOptions = [&](size_t From, bool &Present) -> OptionsFact {
    for (size_t I = From; I < Args.size(); ++I)
      if (auto O = OptionsAt(I)) {
        Present = true;
        return *O;
      }
    Present = false;
    return OptionsFact{true, std::nullopt};
  };
  auto SetType = [&](std::optional<DType> Default, const OptionsFact &O,
                     bool Present, llvm::StringRef Why) {
    if (!O.DTypeKnown)
      return;
    if (O.Type) {
      T.Type = O.Type;
      T.TypeOrigin = originAt(Call, ("torch::" + Name + " with dtype " +
                                     dtypeName(*O.Type) + " creates a " +
                                     dtypeName(*O.Type) + " tensor")
                                        .str());
      return;
    }
    T.Type = Default;
    if (Default)
      T.TypeOrigin = originAt(Call, ("torch::" + Name + Why + " creates a " +
                                     dtypeName(*Default) + " tensor")
                                        .str());
    (void)Present;
  };

  auto created = [&](TensorFact &T) {
    if (Kind != api::Factory::FromBlob)
      allocated(T);
    if (T.Sizes && !T.SizesOrigin)
      T.SizesOrigin = originAt(Call, ("torch::" + Name + " creates shape " +
                                      formatShape(T.Sizes))
                                         .str());
    return Value::tensor(T);
  };

  switch (Kind) {
  case api::Factory::FloatFill: {
    if (Args.empty())
      return Value::unknown();
    T.Sizes = sizesOf(Args[0]);
    bool Present;
    OptionsFact O = FindOptions(1, Present);
    SetType(DType::Float, O, Present, "");
    if (T.Type && isIntegralDType(*T.Type) && (Name == "zeros" || Name == "ones"))
      T.Range = filledWith(Name == "ones", T.Sizes, Call, Name);
    return created(T);
  }
  case api::Factory::ScalarTensor: {
    if (Args.empty())
      return Value::unknown();
    T.Sizes.emplace();
    bool Present;
    OptionsFact O = FindOptions(1, Present);
    SetType(DType::Float, O, Present, "");
    if (T.Type && isIntegralDType(*T.Type) && knownInt(Args[0]))
      T.Range = filledWith(*knownInt(Args[0]), T.Sizes, Call, Name);
    return created(T);
  }
  case api::Factory::Full: {
    if (Args.size() < 2)
      return Value::unknown();
    T.Sizes = sizesOf(Args[0]);
    bool Present;
    OptionsFact O = FindOptions(2, Present);
    QualType FillT = api::ignoreWrappers(ArgExprs[1])->getType();
    if (const auto *CE =
            dyn_cast<CXXConstructExpr>(api::ignoreWrappers(ArgExprs[1])))
      if (CE->getNumArgs() == 1)
        FillT = api::ignoreWrappers(CE->getArg(0))->getType();
    std::optional<DType> Default;
    if (FillT->isBooleanType())
      Default = DType::Bool;
    else if (FillT->isIntegerType())
      Default = DType::Long;
    else if (FillT->isRealFloatingType())
      Default = DType::Float;
    SetType(Default, O, Present, " with this fill value");
    if (T.Type && isIntegralDType(*T.Type) && knownInt(Args[1]))
      T.Range = filledWith(*knownInt(Args[1]), T.Sizes, Call, Name);
    return created(T);
  }
  case api::Factory::Randint: {
    // randint(high, sizes[, options]) or randint(low, high, sizes[, options]).
    size_t SizesAt = 0;
    while (SizesAt < Args.size() && Args[SizesAt].Kind != Value::IntList &&
           !ArgExprs[SizesAt]->getType()->isRecordType())
      ++SizesAt;
    if (SizesAt == 0 || SizesAt > 2 || SizesAt >= Args.size())
      return Value::unknown();
    T.Sizes = sizesOf(Args[SizesAt]);
    std::optional<int64_t> Lo = SizesAt == 2 ? knownInt(Args[0]) : 0;
    std::optional<int64_t> Hi = knownInt(Args[SizesAt - 1]);
    bool Present;
    OptionsFact O = FindOptions(SizesAt + 1, Present);
    // Without options randint is int64; with options that set no dtype it is
    // the default dtype, float.
    SetType(Present ? DType::Float : DType::Long, O, Present,
            Present ? " with options that set no dtype" : "");
    if (Lo && Hi && *Hi > *Lo && T.Type && isIntegralDType(*T.Type)) {
      T.Range = ValueRange::uniform(*Lo, *Hi - 1);
      T.Range->From =
          originAt(Call, "torch::randint draws values in [" +
                             std::to_string(*Lo) + ", " +
                             std::to_string(*Hi - 1) + "]");
    }
    return created(T);
  }
  case api::Factory::Tensor: {
    if (ArgExprs.empty())
      return Value::unknown();
    Value V = tensorLiteral(ArgExprs[0], Call);
    // torch::tensor(labels) of a std::vector whose values are known.
    const Expr *Data = api::ignoreWrappers(ArgExprs[0]);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Data))
      if (CE->getNumArgs() == 1) // the TensorDataContainer
        Data = CE->getArg(0);
    Value DataValue = Data == ArgExprs[0] ? Args[0] : eval(Data, E, F);
    std::optional<llvm::SmallVector<Dim, 4>> Elements = sizesOf(DataValue);
    if (!V.T.Range && V.T.Type && isIntegralDType(*V.T.Type) && Elements &&
        !Elements->empty() && DataValue.Kind != Value::Int) {
      std::vector<int64_t> Values;
      for (const Dim &D : *Elements)
        if (D)
          Values.push_back(*D);
      if (Values.size() == Elements->size()) {
        V.T.Sizes = llvm::SmallVector<Dim, 4>{Dim(Values.size())};
        V.T.Range = ValueRange::ofElements(Values);
        V.T.Range->From = originAt(Call, "torch::tensor holds the values " +
                                             describeValues(*V.T.Range));
      }
    }
    if ((!V.T.Sizes || V.T.Sizes->size() == 1) &&
        DataValue.Kind == Value::List && DataValue.Exact &&
        api::isVectorOfArithmetic(Data->getType()))
      // torch::tensor(features), a std::vector of numbers of known length.
      V.T.Sizes = llvm::SmallVector<Dim, 4>{Dim(DataValue.Items.size())};
    bool Present;
    OptionsFact O = FindOptions(1, Present);
    if (Present) {
      T = V.T;
      if (!O.DTypeKnown) {
        T.Type.reset();
      } else if (O.Type) {
        SetType(std::nullopt, O, Present, "");
      }
      if (!T.Type || !isIntegralDType(*T.Type))
        T.Range.reset();
      return created(T);
    }
    if (V.isTensor())
      allocated(V.T);
    return V;
  }
  case api::Factory::Arange: {
    size_t NumScalars = 0;
    while (NumScalars < Args.size() && !OptionsAt(NumScalars))
      ++NumScalars;
    if (NumScalars == 0 || NumScalars > 3)
      return Value::unknown();
    bool AllIntegral = true;
    for (size_t I = 0; I < NumScalars; ++I) {
      QualType QT = api::ignoreWrappers(ArgExprs[I])->getType();
      if (const auto *CE =
              dyn_cast<CXXConstructExpr>(api::ignoreWrappers(ArgExprs[I])))
        if (CE->getNumArgs() == 1)
          QT = api::ignoreWrappers(CE->getArg(0))->getType();
      AllIntegral &= QT->isIntegerType();
    }
    bool Present;
    OptionsFact O = FindOptions(NumScalars, Present);
    SetType(AllIntegral ? DType::Long : DType::Float, O, Present,
            AllIntegral ? " of integers" : "");
    std::optional<int64_t> Start = NumScalars >= 2 ? knownInt(Args[0]) : 0;
    std::optional<int64_t> End = knownInt(Args[NumScalars >= 2 ? 1 : 0]);
    std::optional<int64_t> Step = NumScalars == 3 ? knownInt(Args[2]) : 1;
    if (AllIntegral && Start && End && Step && *Step > 0 && *End > *Start) {
      int64_t N = (*End - *Start + *Step - 1) / *Step;
      T.Sizes = llvm::SmallVector<Dim, 4>{Dim(N)};
      if (T.Type && isIntegralDType(*T.Type)) {
        // Every element when they are few enough to keep, else the lowest
        // and highest values.
        bool Every = N <= static_cast<int64_t>(ValueRange::MaxElements);
        std::vector<int64_t> Values;
        int64_t Half = ValueRange::MaxPresent / 2;
        for (int64_t I = 0; I < N; ++I) {
          if (!Every && I == Half)
            I = N - Half;
          Values.push_back(*Start + I * *Step);
        }
        if (Every) {
          T.Range = ValueRange::ofElements(std::move(Values));
        } else {
          T.Range = ValueRange::of(Values);
          T.Range->Complete = false;
        }
        T.Range->From = originAt(Call, "torch::arange creates the values " +
                                           describeValues(*T.Range));
      }
    } else {
      T.Sizes = llvm::SmallVector<Dim, 4>{std::nullopt};
    }
    return created(T);
  }
  case api::Factory::Like:
  case api::Factory::RandintLike: {
    if (Args.empty() || !Args[0].isTensor())
      return Value::unknown();
    T.Sizes = Args[0].T.Sizes;
    T.Type = Args[0].T.Type;
    T.TypeOrigin = Args[0].T.TypeOrigin;
    bool Present;
    OptionsFact O = FindOptions(1, Present);
    if (Present && !O.DTypeKnown)
      T.Type.reset();
    else if (Present && O.Type)
      SetType(std::nullopt, O, Present, "");
    return created(T);
  }
  case api::Factory::FromBlob: {
    if (Args.size() < 2)
      return Value::unknown();
    T.Sizes = sizesOf(Args[1]);
    bool Present;
    OptionsFact O = FindOptions(2, Present);
    SetType(DType::Float, O, Present, "");
    return created(T);
  }
  case api::Factory::None:
    break;
  }
  return Value::unknown();
}

//===----------------------------------------------------------------------===//
// TensorFlowAnalysis
//===----------------------------------------------------------------------===//

TensorFlowAnalysis::TensorFlowAnalysis(ASTContext &Ctx)
    : Ctx(Ctx), Impl(std::make_unique<Interpreter>(Ctx)) {}
TensorFlowAnalysis::~TensorFlowAnalysis() = default;

const std::vector<LossUse> &TensorFlowAnalysis::lossUses() {
  if (Uses)
    return *Uses;
  Uses = Impl->run();
  // For developers: what the analysis proved at each loss call.
  if (std::getenv("TORCHLINT_DEBUG_FACTS"))
    for (const LossUse &U : *Uses)
      llvm::errs() << U.Call->getBeginLoc().printToString(
                          Ctx.getSourceManager())
                   << ": " << lossName(U.Kind) << " input " << U.Input.str()
                   << ", target " << U.Target.str() << "\n";
  return *Uses;
}

static thread_local std::unique_ptr<TensorFlowAnalysis> Current;

TensorFlowAnalysis &TensorFlowAnalysis::forContext(ASTContext &Ctx) {
  if (!Current || &Current->Ctx != &Ctx)
    Current = std::make_unique<TensorFlowAnalysis>(Ctx);
  return *Current;
}

void TensorFlowAnalysis::reset() { Current.reset(); }

} // namespace torchlint
