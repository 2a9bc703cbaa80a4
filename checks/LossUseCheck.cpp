//===--- LossUseCheck.cpp - Base of the checks on loss calls --------------===//

#include "LossUseCheck.h"
#include "LibTorchApi.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace torchlint {

void LossUseCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis walks the main file's functions itself; one match per
  // translation unit starts it.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void LossUseCheck::onStartOfTranslationUnit() { TensorFlowAnalysis::reset(); }

void LossUseCheck::check(const MatchFinder::MatchResult &R) {
  // A call reached in several contexts (a helper called twice) is reported
  // once, from the first context that proves the mistake.
  Context = R.Context;
  llvm::DenseSet<const Expr *> Reported;
  for (const LossUse &Use :
       TensorFlowAnalysis::forContext(*R.Context).lossUses())
    if (!Reported.contains(Use.Call) && checkUse(Use))
      Reported.insert(Use.Call);
}

void LossUseCheck::noteCallStack(const LossUse &Use) {
  for (const Expr *Site : Use.CallStack)
    diag(Site->getBeginLoc(), "reached through this call", clang::DiagnosticIDs::Note);
}

void LossUseCheck::noteOrigin(const std::optional<Origin> &O) {
  if (O && O->Loc.isValid() && !O->What.empty())
    diag(O->Loc, O->What, clang::DiagnosticIDs::Note);
}

fixit::Edits LossUseCheck::dropActivation(const LossUse &Use) const {
  const std::optional<Origin> &O = Use.Input.ActOrigin;
  if (!O || !O->Site || !Context)
    return {};
  if (isa<CallExpr>(api::ignoreWrappers(O->Site)) &&
      !isa<CXXOperatorCallExpr>(api::ignoreWrappers(O->Site)))
    return fixit::flowsOnlyInto(O->Site, Use.InputArg, *Context)
               ? fixit::dropCall(O->Site, *Context)
               : fixit::Edits();
  return fixit::dropSequentialModule(O->Site, *Context);
}

} // namespace torchlint
