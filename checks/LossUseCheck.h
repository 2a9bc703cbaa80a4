//===--- LossUseCheck.h - Base of the checks on loss calls ----------------===//
//
// The loss-contract checks all read the same flow analysis: this base runs it
// once per translation unit (shared between checks) and hands each check the
// loss uses it found.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_LOSSUSECHECK_H
#define TORCHLINT_LOSSUSECHECK_H

#include "Confirmation.h"
#include "FixIts.h"
#include "TensorFlow.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace torchlint {

/// Findings are reported at the loss call (where LibTorch would raise), with
/// notes at the places the facts come from.
class LossUseCheck : public clang::tidy::ClangTidyCheck {
public:
  LossUseCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onStartOfTranslationUnit() override;

protected:
  /// Called for every loss use of the translation unit until one use of a
  /// call is diagnosed; returns whether it diagnosed this one.
  virtual bool checkUse(const LossUse &Use) = 0;

  /// Notes pointing at the user's call sites that led to the loss call.
  void noteCallStack(const LossUse &Use);
  /// A note at the place a fact comes from, if known.
  void noteOrigin(const std::optional<Origin> &O);
  /// A note with what the call does on sample data, as the bundled kernel
  /// computes it (unless the Confirm option is off).
  void noteConfirmation(const LossUse &Use, const Claim &C);

  /// Whether the loss input is a softmax over the dimension the loss reads
  /// as classes (1, or 0 for a single sample), or over a dimension not known.
  static bool isSoftmaxOverClasses(const TensorFact &Input);

  /// The edit that removes the activation the loss input provably is the
  /// output of (a call whose value flows only into the loss, or a module
  /// in a Sequential); none if that is not unambiguous.
  fixit::Edits dropActivation(const LossUse &Use) const;

  clang::ASTContext *Context = nullptr;

private:
  /// The Confirm option: replay each finding on sample data (default on).
  const bool Confirm;
};

} // namespace torchlint

#endif // TORCHLINT_LOSSUSECHECK_H
