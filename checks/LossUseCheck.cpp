//===--- LossUseCheck.cpp - Base of the checks on loss calls --------------===//

#include "LossUseCheck.h"
#include "CrossEntropyContract.h"
#include "LibTorchApi.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace torchlint {

// The option is read and stored as a string: the bool specializations of
// OptionsView in libclangTidy.a are mangled by clang in a way GCC does not
// reproduce, so a GCC build could not link them.
static bool parseConfirm(StringRef Value, bool &Valid) {
  std::optional<bool> Parsed =
      llvm::StringSwitch<std::optional<bool>>(Value.trim().lower())
          .Cases("true", "1", "on", true)
          .Cases("false", "0", "off", false)
          .Default(std::nullopt);
  Valid = Parsed.has_value();
  return Parsed.value_or(true);
}

LossUseCheck::LossUseCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Confirm([this] {
        StringRef Value = Options.getLocalOrGlobal("Confirm", "true");
        bool Valid;
        bool Parsed = parseConfirm(Value, Valid);
        if (!Valid)
          configurationDiag("invalid value '%0' for %1.Confirm: expected "
                            "true or false; confirming")
              << Value << getID();
        return Parsed;
      }()) {}

void LossUseCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Confirm", Confirm ? "true" : "false");
}

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

void LossUseCheck::noteConfirmation(const LossUse &Use, const Claim &C) {
  if (!Confirm)
    return;
  Confirmation Outcome =
      confirm(C, {Use.Kind, Use.Input, Use.Target, Use.IgnoreIndex});
  diag(Use.Call->getBeginLoc(), "%0", DiagnosticIDs::Note) << Outcome.Note;
}

bool LossUseCheck::isSoftmaxOverClasses(const TensorFact &Input) {
  if (Input.Act != Activation::Softmax)
    return false;
  if (!Input.ActDim || !Input.rank())
    return true;
  return *Input.rank() > 0 &&
         static_cast<size_t>(*Input.ActDim) == classDimension(*Input.rank());
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
