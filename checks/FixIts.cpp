//===--- FixIts.cpp - Source edits that repair a finding ------------------===//

#include "FixIts.h"
#include "LibTorchApi.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace torchlint::fixit {

namespace {

/// Counts the references to one variable.
class ReferenceCounter : public RecursiveASTVisitor<ReferenceCounter> {
public:
  explicit ReferenceCounter(const VarDecl *Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Count += E->getDecl() == Var;
    return true;
  }
  const VarDecl *Var;
  unsigned Count = 0;
};

} // namespace

static bool isWritten(SourceRange R) {
  return R.isValid() && !R.getBegin().isMacroID() && !R.getEnd().isMacroID();
}

static StringRef sourceText(const Expr *E, ASTContext &Ctx) {
  return Lexer::getSourceText(
      CharSourceRange::getTokenRange(E->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
}

/// Whether an expression can take a postfix operator without parentheses.
static bool isPostfixOperand(const Expr *E) {
  E = api::ignoreWrappers(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript;
  return isa<DeclRefExpr, MemberExpr, CallExpr, ParenExpr, ArraySubscriptExpr>(
      E);
}

bool flowsOnlyInto(const Expr *Producer, const Expr *Consumer,
                   ASTContext &Ctx) {
  if (!Producer || !Consumer)
    return false;
  const Expr *Arg = api::ignoreWrappers(Consumer);
  if (Arg == api::ignoreWrappers(Producer))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || !Var->getInit() ||
      api::ignoreWrappers(Var->getInit()) != api::ignoreWrappers(Producer))
    return false;
  const auto *Fn = dyn_cast<FunctionDecl>(Var->getDeclContext());
  if (!Fn || !Fn->getBody())
    return false;
  ReferenceCounter Counter(Var);
  Counter.TraverseStmt(Fn->getBody());
  return Counter.Count == 1;
}

/// The tensor a tensor call operates on: the object of a method call, else
/// the first argument.
static const Expr *tensorOperand(const Expr *Call) {
  Call = api::ignoreWrappers(Call);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    return M->getImplicitObjectArgument();
  if (const auto *C = dyn_cast<CallExpr>(Call))
    return C->getNumArgs() > 0 ? C->getArg(0) : nullptr;
  return nullptr;
}

Edits dropCall(const Expr *Call, ASTContext &Ctx) {
  const Expr *Operand = tensorOperand(Call);
  if (!Operand || !isWritten(Call->getSourceRange()) ||
      !isWritten(Operand->getSourceRange()))
    return {};
  std::string Text = sourceText(Operand, Ctx).str();
  if (Text.empty())
    return {};
  if (!isPostfixOperand(Operand))
    Text = "(" + Text + ")";
  return {FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call->getSourceRange()), Text)};
}

Edits renameCallee(const Expr *Call, StringRef NewName, ASTContext &Ctx) {
  Call = api::ignoreWrappers(Call);
  SourceLocation NameLoc;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (const auto *ME = dyn_cast<MemberExpr>(M->getCallee()->IgnoreParens()))
      NameLoc = ME->getMemberLoc();
  } else if (const auto *C = dyn_cast<CallExpr>(Call)) {
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(C->getCallee()->IgnoreParenImpCasts()))
      NameLoc = Ref->getNameInfo().getLoc();
  }
  if (NameLoc.isInvalid() || NameLoc.isMacroID())
    return {};
  return {FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(NameLoc, NameLoc), NewName)};
}

Edits replaceArgument(const Expr *Call, unsigned ArgIndex, StringRef Text,
                      ASTContext &Ctx) {
  Call = api::ignoreWrappers(Call);
  const auto *C = dyn_cast<CallExpr>(Call);
  if (!C)
    return {};
  unsigned Index = ArgIndex + (isa<CXXMemberCallExpr>(C) ? 0 : 1);
  if (Index >= C->getNumArgs() || isa<CXXDefaultArgExpr>(C->getArg(Index)) ||
      !isWritten(C->getArg(Index)->getSourceRange()))
    return {};
  return {FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(C->getArg(Index)->getSourceRange()),
      Text)};
}

Edits appendCall(const Expr *E, StringRef Suffix, ASTContext &Ctx) {
  if (!E || !isWritten(E->getSourceRange()))
    return {};
  SourceLocation End = Lexer::getLocForEndOfToken(
      E->getEndLoc(), 0, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (End.isInvalid())
    return {};
  if (isPostfixOperand(E))
    return {FixItHint::CreateInsertion(End, Suffix)};
  return {FixItHint::CreateInsertion(E->getBeginLoc(), "("),
          FixItHint::CreateInsertion(End, (")" + Suffix).str())};
}

static bool isSequential(QualType T) {
  const CXXRecordDecl *Impl = api::moduleImplOf(T);
  return Impl && api::moduleKindOf(Impl) == ModuleKind::Sequential;
}

/// Removes the expression statement holding E, with its semicolon.
static Edits dropStatement(const Expr *E, ASTContext &Ctx) {
  const Stmt *S = E;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*S);
    if (Parents.size() != 1)
      return {};
    if (Parents[0].get<CompoundStmt>())
      break;
    S = Parents[0].get<ExprWithCleanups>();
    if (!S)
      return {};
  }
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation End = Lexer::findLocationAfterToken(
      S->getEndLoc(), tok::semi, SM, Ctx.getLangOpts(),
      /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (End.isInvalid() || !isWritten(S->getSourceRange()))
    return {};
  // A statement alone on its line goes with its line.
  SourceLocation Begin = S->getBeginLoc();
  FileID File = SM.getFileID(Begin);
  StringRef Text = SM.getBufferData(File);
  unsigned From = SM.getFileOffset(Begin), To = SM.getFileOffset(End);
  unsigned LineStart = From, LineEnd = To;
  while (LineStart > 0 && (Text[LineStart - 1] == ' ' || Text[LineStart - 1] == '\t'))
    --LineStart;
  while (LineEnd < Text.size() && (Text[LineEnd] == ' ' || Text[LineEnd] == '\t'))
    ++LineEnd;
  // The removal starts at the previous line's end: clang's fix-it merging
  // would take one more blank from a removal that ends at a line's start.
  if (LineStart > 0 && Text[LineStart - 1] == '\n' && LineEnd < Text.size() &&
      Text[LineEnd] == '\n') {
    From = LineStart - 1;
    To = LineEnd;
  }
  return {FixItHint::CreateRemoval(CharSourceRange::getCharRange(
      SM.getComposedLoc(File, From), SM.getComposedLoc(File, To)))};
}

Edits dropSequentialModule(const Expr *Module, ASTContext &Ctx) {
  if (!Module || !isWritten(Module->getSourceRange()))
    return {};
  // Up through the implicit nodes to the construction or call that takes the
  // module as an argument.
  const Expr *Arg = Module;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Arg);
    const auto *Parent = Parents.size() == 1 ? Parents[0].get<Expr>() : nullptr;
    if (!Parent)
      return {};
    const auto *Construct = dyn_cast<CXXConstructExpr>(Parent);
    if (Construct && Construct->getParenOrBraceRange().isValid()) {
      // Sequential(a, b, Softmax(1)): the last argument, with its comma.
      unsigned N = Construct->getNumArgs();
      if (!isSequential(Construct->getType()) || N < 2 ||
          Construct->getArg(N - 1) != Arg)
        return {};
      const Expr *Previous = Construct->getArg(N - 2);
      SourceLocation From = Lexer::getLocForEndOfToken(
          Previous->getEndLoc(), 0, Ctx.getSourceManager(), Ctx.getLangOpts());
      if (From.isInvalid() || !isWritten(Previous->getSourceRange()))
        return {};
      return {FixItHint::CreateRemoval(
          CharSourceRange::getTokenRange(From, Arg->getEndLoc()))};
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Parent)) {
      // seq->push_back(Softmax(1));
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !Method->getDeclName().isIdentifier() ||
          Method->getName() != "push_back" || Call->getNumArgs() != 1 ||
          api::moduleKindOf(Method->getParent()) != ModuleKind::Sequential)
        return {};
      return dropStatement(Call, Ctx);
    }
    // Implicit conversions (to a holder, to AnyModule) and temporaries.
    if (!Construct && !isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                           ImplicitCastExpr, CXXFunctionalCastExpr>(Parent))
      return {};
    Arg = Parent;
  }
}

} // namespace torchlint::fixit
