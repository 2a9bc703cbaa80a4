//===--- LibTorchApi.cpp - Recognisers of LibTorch's C++ API --------------===//

#include "LibTorchApi.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace torchlint {
namespace api {

std::string namespaceOf(const Decl *D) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || NS->isInline() || NS->isAnonymousNamespace())
      continue;
    Parts.push_back(NS->getName());
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

bool isLibraryDecl(const Decl *D) {
  std::string NS = namespaceOf(D);
  if (const auto *N = dyn_cast<NamespaceDecl>(D); N && NS.empty())
    NS = N->getName(); // `namespace torch {` itself
  llvm::StringRef Top = llvm::StringRef(NS).split("::").first;
  if (Top == "std" || Top == "torch" || Top == "at" || Top == "c10" ||
      Top == "caffe2" || Top == "__gnu_cxx" || Top == "ska" ||
      Top == "ska_ordered" || Top == "pybind11")
    return true;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return SM.isInSystemHeader(D->getLocation());
}

static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

static bool isNamed(const NamedDecl *D, llvm::StringRef NS,
                    llvm::StringRef Name) {
  return D && D->getDeclName().isIdentifier() && D->getName() == Name &&
         namespaceOf(D) == NS;
}

bool isTensorType(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && (isNamed(RD, "at", "Tensor") || isNamed(RD, "at", "TensorBase"));
}

bool isTensorOptionsType(QualType T) {
  return isNamed(recordOf(T), "c10", "TensorOptions");
}

static bool isScalarTypeEnum(QualType T) {
  const auto *ET = T.getNonReferenceType()->getAs<EnumType>();
  return ET && isNamed(ET->getDecl(), "c10", "ScalarType");
}

bool isScalarTypeExpr(const Expr *E) {
  return isScalarTypeEnum(ignoreWrappers(E)->getType());
}

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (const auto *CE = dyn_cast<ConstantExpr>(Next))
      Next = CE->getSubExpr();
    else if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Next))
      Next = D->getExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::optional<DType> evaluateScalarType(const Expr *E, const ASTContext &Ctx) {
  E = ignoreWrappers(E);
  // c10::optional<ScalarType>(kLong) and similar one-argument wrappers.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() == 1)
      return evaluateScalarType(CE->getArg(0), Ctx);
  const auto *ET = E->getType().getNonReferenceType()->getAs<EnumType>();
  if (!ET || !isScalarTypeEnum(E->getType()))
    return std::nullopt;
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  llvm::APSInt V = R.Val.getInt();
  for (const EnumConstantDecl *C : ET->getDecl()->enumerators())
    if (llvm::APSInt::isSameValue(C->getInitVal(), V))
      return dtypeFromScalarTypeName(C->getName());
  return std::nullopt;
}

/// Walks the bases of a class looking for torch::nn::Module.
static bool derivesFromModule(const CXXRecordDecl *RD, unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return false;
  RD = RD->getDefinition();
  if (!RD)
    return false;
  if (isNamed(RD, "torch::nn", "Module"))
    return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (derivesFromModule(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return true;
  return false;
}

/// The Impl argument of torch::nn::ModuleHolder<Impl> (or of a class derived
/// from it, as TORCH_MODULE(Name) declares).
static const CXXRecordDecl *holderImpl(const CXXRecordDecl *RD,
                                       unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return nullptr;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    llvm::StringRef Name = Spec->getName();
    std::string NS = namespaceOf(Spec);
    bool Holder = Name == "ModuleHolder" && NS == "torch::nn";
    bool Shared = Name == "shared_ptr" && NS == "std";
    if ((Holder || Shared) && Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      const CXXRecordDecl *Impl =
          Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
      return derivesFromModule(Impl) ? Impl : nullptr;
    }
  }
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return nullptr;
  for (const CXXBaseSpecifier &B : Def->bases())
    if (const CXXRecordDecl *Impl =
            holderImpl(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return Impl;
  return nullptr;
}

const CXXRecordDecl *moduleImplOf(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Impl = holderImpl(RD))
    return Impl;
  return derivesFromModule(RD) ? RD : nullptr;
}

const CXXRecordDecl *libraryModuleBase(const CXXRecordDecl *Impl) {
  if (!Impl || !Impl->hasDefinition() || isLibraryDecl(Impl))
    return nullptr;
  for (const CXXBaseSpecifier &B : Impl->getDefinition()->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base)
      continue;
    ModuleKind K = moduleKindOf(Base);
    if (K != ModuleKind::Unknown && K != ModuleKind::Custom)
      return Base;
    if (const CXXRecordDecl *Deeper = libraryModuleBase(Base))
      return Deeper;
  }
  return nullptr;
}

ModuleAccess moduleAccessOf(llvm::StringRef Name) {
  return llvm::StringSwitch<ModuleAccess>(Name)
      .Cases("[]", "at", "ptr", ModuleAccess::Element)
      .Case("as", ModuleAccess::Cast)
      .Default(ModuleAccess::None);
}

bool isOptionsClass(const CXXRecordDecl *RD) {
  return RD && RD->getDeclName().isIdentifier() &&
         RD->getName().ends_with("Options") && isLibraryDecl(RD);
}

bool hasPairState(const CXXRecordDecl *Impl) {
  return Impl && Impl->getDeclName().isIdentifier() &&
         Impl->getName() == "LSTMImpl";
}

ModuleKind moduleKindOf(const CXXRecordDecl *Impl, LossKind *Loss) {
  if (!Impl)
    return ModuleKind::Unknown;
  if (namespaceOf(Impl) != "torch::nn")
    return isLibraryDecl(Impl) ? ModuleKind::Unknown : ModuleKind::Custom;
  llvm::StringRef Name = Impl->getName();
  if (Name == "CrossEntropyLossImpl" || Name == "NLLLossImpl" ||
      Name == "BCEWithLogitsLossImpl") {
    if (Loss)
      *Loss = Name == "CrossEntropyLossImpl" ? LossKind::CrossEntropy
              : Name == "NLLLossImpl"        ? LossKind::NLL
                                             : LossKind::BCEWithLogits;
    return ModuleKind::Loss;
  }
  return llvm::StringSwitch<ModuleKind>(Name)
      .Case("LinearImpl", ModuleKind::Linear)
      .Cases("Conv1dImpl", "Conv2dImpl", "Conv3dImpl", ModuleKind::Conv)
      .Cases("MaxPool1dImpl", "MaxPool2dImpl", "MaxPool3dImpl", "AvgPool1dImpl",
             "AvgPool2dImpl", ModuleKind::Pool)
      .Case("AvgPool3dImpl", ModuleKind::Pool)
      .Cases("AdaptiveAvgPool1dImpl", "AdaptiveAvgPool2dImpl",
             "AdaptiveAvgPool3dImpl", "AdaptiveMaxPool1dImpl",
             "AdaptiveMaxPool2dImpl", ModuleKind::AdaptivePool)
      .Cases("AdaptiveMaxPool3dImpl", "UpsampleImpl", ModuleKind::AdaptivePool)
      .Cases("SoftmaxImpl", "Softmax2dImpl", "SoftminImpl",
             ModuleKind::Softmax)
      .Case("LogSoftmaxImpl", ModuleKind::LogSoftmax)
      .Case("SigmoidImpl", ModuleKind::Sigmoid)
      .Case("FlattenImpl", ModuleKind::Flatten)
      .Case("SequentialImpl", ModuleKind::Sequential)
      .Case("ModuleListImpl", ModuleKind::ModuleList)
      .Case("ModuleDictImpl", ModuleKind::ModuleDict)
      .Case("FunctionalImpl", ModuleKind::Functional)
      .Cases("ReLUImpl", "ReLU6Impl", "LeakyReLUImpl", "PReLUImpl", "ELUImpl",
             ModuleKind::ShapePreserving)
      .Cases("SELUImpl", "CELUImpl", "GELUImpl", "SiLUImpl", "MishImpl",
             ModuleKind::ShapePreserving)
      .Cases("TanhImpl", "HardtanhImpl", "HardshrinkImpl", "SoftplusImpl",
             "SoftsignImpl", ModuleKind::ShapePreserving)
      .Cases("TanhshrinkImpl", "ThresholdImpl", "SoftshrinkImpl",
             "RReLUImpl", "GLUImpl", ModuleKind::Unknown)
      .Cases("DropoutImpl", "Dropout2dImpl", "Dropout3dImpl",
             "AlphaDropoutImpl", "FeatureAlphaDropoutImpl",
             ModuleKind::ShapePreserving)
      .Case("EmbeddingImpl", ModuleKind::Embedding)
      .Cases("RNNImpl", "LSTMImpl", "GRUImpl", ModuleKind::Recurrent)
      .Cases("BatchNorm1dImpl", "BatchNorm2dImpl", "BatchNorm3dImpl",
             "LayerNormImpl", "GroupNormImpl", ModuleKind::ShapePreserving)
      .Cases("InstanceNorm1dImpl", "InstanceNorm2dImpl", "InstanceNorm3dImpl",
             "LocalResponseNormImpl", "IdentityImpl",
             ModuleKind::ShapePreserving)
      .Default(ModuleKind::Unknown);
}

TensorOp tensorOpOf(llvm::StringRef Name) {
  return llvm::StringSwitch<TensorOp>(Name)
      .Cases("softmax", "special_softmax", "_softmax", TensorOp::Softmax)
      .Cases("log_softmax", "special_log_softmax", "_log_softmax",
             TensorOp::LogSoftmax)
      .Cases("sigmoid", "special_expit", TensorOp::Sigmoid)
      .Case("exp", TensorOp::Exp)
      .Case("log", TensorOp::Log)
      .Case("unsqueeze", TensorOp::Unsqueeze)
      .Case("squeeze", TensorOp::Squeeze)
      .Cases("view", "reshape", TensorOp::View)
      .Case("flatten", TensorOp::Flatten)
      .Case("permute", TensorOp::Permute)
      .Cases("transpose", "swapaxes", "swapdims", TensorOp::Transpose)
      .Case("t", TensorOp::T)
      .Cases("to", "toType", "type_as", TensorOp::ConvertTo)
      .Cases("detach", "clone", "contiguous", "cpu", "cuda", TensorOp::Same)
      .Cases("set_requires_grad", "requires_grad_", "pin_memory",
             TensorOp::Same)
      .Cases("relu", "abs", "neg", "pow", "floor", TensorOp::Elementwise)
      .Cases("clamp", "clamp_min", "clamp_max", "dropout", "gelu",
             TensorOp::Elementwise)
      .Cases("leaky_relu", "elu", "silu", "square", "round",
             TensorOp::Elementwise)
      .Cases("ceil", "trunc", "sign", "relu6", "hardtanh",
             TensorOp::Elementwise)
      .Cases("tanh", "sqrt", "rsqrt", "sin", "cos", TensorOp::FloatElementwise)
      .Cases("log1p", "expm1", "log2", "log10", "erf",
             TensorOp::FloatElementwise)
      .Cases("reciprocal", "normalize", TensorOp::FloatElementwise)
      .Cases("gt", "lt", "ge", "le", "eq", TensorOp::Compare)
      .Cases("ne", "greater", "less", "isnan", "logical_not", TensorOp::Compare)
      .Cases("sum", "mean", "prod", "amax", "amin", TensorOp::Reduce)
      .Cases("std", "var", "nansum", "nanmean", "logsumexp", TensorOp::Reduce)
      .Cases("slice", "narrow", "index_select", TensorOp::Slice)
      .Case("select", TensorOp::Select)
      .Case("index", TensorOp::Index)
      .Cases("max", "min", TensorOp::MaxMin)
      .Cases("cat", "concat", TensorOp::Cat)
      .Case("stack", TensorOp::Stack)
      .Cases("chunk", "split", "split_with_sizes", "unbind", TensorOp::Split)
      .Case("where", TensorOp::Where)
      .Case("repeat_interleave", TensorOp::RepeatInterleave)
      .Case("one_hot", TensorOp::OneHot)
      .Case("repeat", TensorOp::Repeat)
      .Cases("expand", "expand_as", "broadcast_to", TensorOp::Expand)
      .Cases("flip", "fliplr", "flipud", "roll", TensorOp::Same)
      .Cases("bernoulli", "dropout", "alpha_dropout", TensorOp::Elementwise)
      .Cases("argmax", "argmin", TensorOp::ArgMax)
      .Cases("add", "sub", "mul", "div", "true_divide", TensorOp::Arith)
      .Cases("floor_divide", "remainder", "fmod", TensorOp::Arith)
      .Cases("matmul", "mm", TensorOp::MatMul)
      .Case("size", TensorOp::Size)
      .Case("sizes", TensorOp::Sizes)
      .Cases("dtype", "scalar_type", TensorOp::DTypeOf)
      .Case("options", TensorOp::OptionsOf)
      .Default(TensorOp::Unknown);
}

bool keepsElementOrder(TensorOp Op, llvm::StringRef Name) {
  switch (Op) {
  case TensorOp::Same:
    return !llvm::is_contained({"flip", "fliplr", "flipud", "roll"}, Name);
  case TensorOp::View:
  case TensorOp::Flatten:
  case TensorOp::Unsqueeze:
  case TensorOp::Squeeze:
    return true;
  default:
    return false;
  }
}

bool exposesElements(llvm::StringRef Name) {
  return llvm::is_contained({"data_ptr", "mutable_data_ptr", "accessor",
                             "packed_accessor32", "packed_accessor64",
                             "generic_packed_accessor"},
                            Name);
}

bool writesValues(llvm::StringRef Name) {
  return !llvm::is_contained({"requires_grad_", "share_memory_", "retain_grad"},
                             Name);
}

ModuleKind functionalModuleKindOf(llvm::StringRef Name) {
  return llvm::StringSwitch<ModuleKind>(Name)
      .Cases("max_pool1d", "max_pool2d", "max_pool3d", ModuleKind::Pool)
      .Cases("avg_pool1d", "avg_pool2d", "avg_pool3d", ModuleKind::Pool)
      .Cases("adaptive_avg_pool1d", "adaptive_avg_pool2d",
             "adaptive_avg_pool3d", ModuleKind::AdaptivePool)
      .Cases("adaptive_max_pool1d", "adaptive_max_pool2d",
             "adaptive_max_pool3d", ModuleKind::AdaptivePool)
      .Case("interpolate", ModuleKind::AdaptivePool)
      .Default(ModuleKind::Unknown);
}

Factory factoryOf(llvm::StringRef Name) {
  return llvm::StringSwitch<Factory>(Name)
      .Cases("randn", "rand", "zeros", "ones", "empty", Factory::FloatFill)
      .Case("full", Factory::Full)
      .Case("randint", Factory::Randint)
      .Case("tensor", Factory::Tensor)
      .Case("arange", Factory::Arange)
      .Cases("zeros_like", "ones_like", "empty_like", "rand_like",
             "randn_like", Factory::Like)
      .Case("full_like", Factory::Like)
      .Case("randint_like", Factory::RandintLike)
      .Case("from_blob", Factory::FromBlob)
      .Case("scalar_tensor", Factory::ScalarTensor)
      .Default(Factory::None);
}

bool isValueRefillInPlace(llvm::StringRef Name) {
  return llvm::is_contained({"zero_", "fill_", "uniform_", "normal_",
                             "random_", "bernoulli_", "copy_", "masked_fill_",
                             "index_fill_", "index_put_"},
                            Name);
}

/// torch::indexing::None: c10::nullopt, which is std::nullopt in newer
/// LibTorch.
static bool isNoneType(QualType T) {
  return isNamed(recordOf(T), "c10", "nullopt_t") || isNulloptType(T);
}

/// A Slice bound as written: null for None or a default argument; nullopt
/// when it is spelled in a way not recognised.
static std::optional<const Expr *> sliceBound(const Expr *Arg) {
  if (isa<CXXDefaultArgExpr>(Arg))
    return nullptr;
  const auto *Optional = dyn_cast<CXXConstructExpr>(Arg->IgnoreImplicit());
  if (!Optional || Optional->getNumArgs() != 1)
    return std::nullopt;
  const Expr *Value = Optional->getArg(0)->IgnoreImplicit();
  if (isNoneType(Value->getType()))
    return nullptr;
  if (!Value->getType()->isIntegerType())
    return std::nullopt;
  return Value;
}

static TensorIndexItem tensorIndexItem(const Expr *X) {
  TensorIndexItem Item;
  const auto *Index = dyn_cast<CXXConstructExpr>(X->IgnoreImplicit());
  if (!Index || Index->getNumArgs() != 1 ||
      !isNamed(Index->getConstructor()->getParent(), "at::indexing",
               "TensorIndex"))
    return Item;
  QualType Param = Index->getConstructor()->getParamDecl(0)->getType();
  const CXXRecordDecl *RD = recordOf(Param.getNonReferenceType());
  if (Param->isIntegerType() && !Param->isBooleanType()) {
    Item.Kind = TensorIndexItem::Integer;
    Item.Position = Index->getArg(0);
  } else if (isTensorType(Param.getNonReferenceType())) {
    Item.Position = Index->getArg(0);
  } else if (isNoneType(Param.getNonReferenceType())) {
    Item.Kind = TensorIndexItem::NewAxis;
  } else if (isNamed(RD, "at::indexing", "EllipsisIndexType")) {
    Item.Kind = TensorIndexItem::Ellipsis;
  } else if (const auto *S =
                 dyn_cast<StringLiteral>(Index->getArg(0)->IgnoreImplicit())) {
    if (S->getBytes() == "...")
      Item.Kind = TensorIndexItem::Ellipsis;
  } else if (isNamed(RD, "at::indexing", "Slice")) {
    const Expr *Arg = Index->getArg(0)->IgnoreImplicit();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Arg))
      Arg = Cast->getSubExpr()->IgnoreImplicit();
    const auto *Ctor = dyn_cast<CXXConstructExpr>(Arg);
    if (!Ctor || Ctor->getNumArgs() > 3)
      return Item;
    for (unsigned I = 0; I < Ctor->getNumArgs(); ++I) {
      std::optional<const Expr *> Bound = sliceBound(Ctor->getArg(I));
      if (!Bound)
        return Item;
      Item.Bounds[I] = *Bound;
    }
    Item.Kind = TensorIndexItem::Slice;
  }
  return Item;
}

std::optional<llvm::SmallVector<TensorIndexItem, 4>>
tensorIndexList(const Expr *X) {
  X = X->IgnoreImplicit();
  if (const auto *Std = dyn_cast<CXXStdInitializerListExpr>(X))
    X = Std->getSubExpr()->IgnoreImplicit();
  const auto *List = dyn_cast<InitListExpr>(X);
  if (!List)
    return std::nullopt;
  llvm::SmallVector<TensorIndexItem, 4> Items;
  for (const Expr *Init : List->inits())
    Items.push_back(tensorIndexItem(Init));
  return Items;
}

const Expr *viewBase(const Expr *X) {
  const auto *Call = dyn_cast<CallExpr>(ignoreWrappers(X));
  if (!Call)
    return nullptr;
  ApiCall C = classifyCall(Call);
  if (!C.Self)
    return nullptr;
  if (C.Kind == ApiCall::Operator)
    return C.Name == "[]" && C.Args.size() == 1 &&
                   C.Args[0]->getType()->isIntegerType()
               ? C.Self
               : nullptr;
  if (C.Kind != ApiCall::TensorMethod)
    return nullptr;
  if (C.Name == "index") {
    auto Items = C.Args.size() == 1 ? tensorIndexList(C.Args[0]) : std::nullopt;
    bool Basic = Items && llvm::none_of(*Items, [](const TensorIndexItem &I) {
                   return I.Kind == TensorIndexItem::Other;
                 });
    return Basic ? C.Self : nullptr;
  }
  bool View = llvm::is_contained(
      {"slice", "narrow", "select", "view", "view_as", "transpose", "permute",
       "t", "squeeze", "unsqueeze", "detach", "diagonal", "unfold"},
      C.Name);
  return View ? C.Self : nullptr;
}

llvm::StringRef outOfPlaceName(llvm::StringRef Name) {
  return Name.ends_with("_") && !Name.starts_with("_") ? Name.drop_back()
                                                       : Name;
}

bool mutatesObject(const CXXMethodDecl *M) {
  if (!M || M->isConst())
    return false;
  if (!isLibraryDecl(M))
    return true; // a user's non-const method may change anything
  if (!M->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Name = M->getName();
  return outOfPlaceName(Name) != Name || Name == "push_back" ||
         Name == "emplace_back" || Name == "extend" || Name == "insert" ||
         Name == "reset" || Name == "update" || Name == "pop" ||
         Name == "clear";
}

bool isDeviceType(QualType T) {
  T = T.getNonReferenceType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return isNamed(RD, "c10", "Device");
  if (const auto *ET = T->getAs<EnumType>())
    return isNamed(ET->getDecl(), "c10", "DeviceType");
  return false;
}

bool isValueWrapper(const CXXRecordDecl *RD) {
  if (!RD || !RD->getDeclName().isIdentifier() || !isLibraryDecl(RD))
    return false;
  llvm::StringRef Name = RD->getName();
  // basic_string: a std::string from a literal carries that literal (the key
  // of a ModuleDict).
  return llvm::is_contained({"function", "shared_ptr", "optional", "Scalar",
                             "ExpandingArray", "variant", "IListRef",
                             "basic_string"},
                            Name) ||
         Name.ends_with("ArrayRef");
}

/// The standard library's class Name.
static bool isStdClass(const CXXRecordDecl *RD, llvm::StringRef Name) {
  return RD && RD->getDeclName().isIdentifier() && RD->getName() == Name &&
         namespaceOf(RD) == "std";
}

bool isStdOptional(const CXXRecordDecl *RD) {
  return isStdClass(RD, "optional");
}

bool isStdMap(const CXXRecordDecl *RD) { return isStdClass(RD, "map"); }

bool isNulloptType(QualType T) { return isStdClass(recordOf(T), "nullopt_t"); }

bool isNamedModule(const CXXRecordDecl *RD) {
  return isNamed(RD, "torch::nn", "NamedAnyModule");
}

static bool inTorchData(const Decl *D) {
  return llvm::StringRef(namespaceOf(D)).starts_with("torch::data");
}

DataTransform dataTransformOf(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->getDeclName().isIdentifier() || !inTorchData(RD))
    return DataTransform::Unknown;
  return llvm::StringSwitch<DataTransform>(RD->getName())
      .Case("Stack", DataTransform::Stack)
      .Case("Normalize", DataTransform::Normalize)
      .Default(DataTransform::Unknown);
}

bool isTupleLike(const CXXRecordDecl *RD) {
  if (!RD || !RD->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Name = RD->getName();
  std::string NS = namespaceOf(RD);
  return ((Name == "tuple" || Name == "pair") && NS == "std") ||
         (Name == "Example" && inTorchData(RD));
}

bool isUserDataset(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->hasDefinition() || isLibraryDecl(RD))
    return false;
  for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
    if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
      if (inTorchData(Base))
        return true;
  return false;
}

std::optional<LossKind> lossFunctionOf(const FunctionDecl *F) {
  if (!F || !F->getDeclName().isIdentifier())
    return std::nullopt;
  std::string NS = namespaceOf(F);
  if (NS != "torch::nn::functional" && NS != "torch" && NS != "at")
    return std::nullopt;
  return llvm::StringSwitch<std::optional<LossKind>>(F->getName())
      .Cases("cross_entropy", "cross_entropy_loss", LossKind::CrossEntropy)
      .Cases("nll_loss", "nll_loss_nd", "nll_loss2d", LossKind::NLL)
      .Case("binary_cross_entropy_with_logits", LossKind::BCEWithLogits)
      .Default(std::nullopt);
}

bool lossBroadcastsTarget(const FunctionDecl *F) {
  return lossFunctionOf(F) == LossKind::BCEWithLogits &&
         namespaceOf(F) != "torch::nn::functional";
}

bool isVectorOfArithmetic(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getName() != "vector" || !Spec->isInStdNamespace())
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType()->isArithmeticType();
}

/// The arguments the user wrote, without the defaulted ones.
static void collectArgs(const CallExpr *E, unsigned First, ApiCall &Out) {
  for (unsigned I = First; I < E->getNumArgs(); ++I) {
    const Expr *A = E->getArg(I);
    if (isa<CXXDefaultArgExpr>(A))
      break;
    Out.Args.push_back(A);
  }
}

static bool isStdVector(const CXXRecordDecl *RD) {
  return isStdClass(RD, "vector") || isStdClass(RD, "deque");
}

static bool isStdFunction(const FunctionDecl *F, llvm::StringRef Name) {
  return F && F->getDeclName().isIdentifier() && F->getName() == Name &&
         namespaceOf(F) == "std";
}

ApiCall classifyCall(const CallExpr *E) {
  ApiCall Out;
  const FunctionDecl *F = E->getDirectCallee();
  Out.Callee = F;
  if (!F)
    return Out;
  if (F->getDeclName().isIdentifier())
    Out.Name = F->getName();
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  const CXXRecordDecl *Parent = Method ? Method->getParent() : nullptr;

  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind K = Op->getOperator();
    if (Method) {
      Out.Self = Op->getArg(0);
      collectArgs(E, 1, Out);
      if ((K == OO_Arrow || K == OO_Star) && isStdOptional(Parent)) {
        Out.Kind = ApiCall::StdOptional;
        Out.Name = "value";
        return Out;
      }
      if (K == OO_Arrow || K == OO_Star) {
        Out.Kind = ApiCall::Arrow;
        return Out;
      }
      if (K == OO_Call && (holderImpl(Parent) || derivesFromModule(Parent))) {
        Out.Kind = ApiCall::ModuleCall;
        return Out;
      }
      if (K == OO_Subscript && isLibraryDecl(Parent) &&
          (holderImpl(Parent) || derivesFromModule(Parent))) {
        Out.Kind = ApiCall::ModuleMethod; // list[0], dict["head"]
        Out.Name = "[]";
        return Out;
      }
      if (isTensorType(QualType(Parent->getTypeForDecl(), 0))) {
        Out.Kind = ApiCall::Operator;
        Out.Name = getOperatorSpelling(K);
        return Out;
      }
      if (K == OO_Subscript && (isStdVector(Parent) || isStdMap(Parent))) {
        Out.Kind = ApiCall::StdContainer;
        Out.Name = "[]";
      }
      return Out; // a user's operator: the caller decides
    }
    collectArgs(E, 0, Out);
    if (isLibraryDecl(F) && (isTensorType(Op->getArg(0)->getType()) ||
                             (Op->getNumArgs() > 1 &&
                              isTensorType(Op->getArg(1)->getType())))) {
      Out.Kind = ApiCall::Operator;
      Out.Name = getOperatorSpelling(K);
    }
    return Out;
  }

  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    Out.Self = MC->getImplicitObjectArgument();
    collectArgs(E, 0, Out);
    QualType ParentType(Parent->getTypeForDecl(), 0);
    if (isTensorType(ParentType)) {
      Out.Kind = ApiCall::TensorMethod;
      return Out;
    }
    if (derivesFromModule(Parent)) {
      if (Out.Name == "forward")
        Out.Kind = ApiCall::ModuleCall;
      else if (Out.Name == "register_module")
        Out.Kind = ApiCall::RegisterModule;
      else if (isLibraryDecl(Parent))
        Out.Kind = ApiCall::ModuleMethod;
      return Out;
    }
    if (Out.Name == "map" && inTorchData(Parent)) {
      Out.Kind = ApiCall::DatasetMap;
      return Out;
    }
    if (isOptionsClass(Parent)) {
      Out.Kind = ApiCall::BuilderMethod;
      return Out;
    }
    if ((Parent->getName() == "shared_ptr" || holderImpl(Parent)) &&
        (Out.Name == "get" || Out.Name == "ptr"))
      Out.Kind = ApiCall::Arrow;
    else if (isStdVector(Parent) || isStdMap(Parent))
      Out.Kind = ApiCall::StdContainer;
    else if (isStdOptional(Parent)) {
      Out.Kind = ApiCall::StdOptional;
      if (isa<CXXConversionDecl>(F)) // `if (opt)`
        Out.Name = "has_value";
    }
    return Out;
  }

  collectArgs(E, 0, Out);
  if (isStdFunction(F, "move") || isStdFunction(F, "forward")) {
    Out.Kind = ApiCall::PassThrough;
    return Out;
  }
  if (isStdFunction(F, "get")) {
    Out.Kind = ApiCall::StdGet;
    return Out;
  }
  if (isStdFunction(F, "min") || isStdFunction(F, "max")) {
    Out.Kind = ApiCall::StdMinMax;
    Out.Name = F->getName();
    return Out;
  }
  if (isStdFunction(F, "make_pair") || isStdFunction(F, "make_tuple") ||
      isStdFunction(F, "tie") || isStdFunction(F, "forward_as_tuple")) {
    Out.Kind = ApiCall::MakeTuple;
    return Out;
  }
  if (isStdFunction(F, "make_shared") && moduleImplOf(E->getType())) {
    Out.Kind = ApiCall::MakeShared;
    return Out;
  }
  if (!isLibraryDecl(F))
    return Out;
  if (Out.Name == "make_data_loader" && inTorchData(F)) {
    Out.Kind = ApiCall::MakeDataLoader;
    return Out;
  }
  std::string NS = namespaceOf(F);
  if (NS == "torch::nn::functional") {
    Out.Kind = ApiCall::Functional;
    return Out;
  }
  if (NS == "torch" || NS == "at" || NS == "c10") {
    if (isTensorOptionsType(F->getReturnType()))
      Out.Kind = ApiCall::ScalarFunction;
    else
      Out.Kind = ApiCall::TorchFunction;
  }
  return Out;
}

} // namespace api
} // namespace torchlint
