//===--- TorchTidyModule.cpp - The torch- checks --------------------------===//

#include "FloatClassTargetCheck.h"
#include "SoftmaxBeforeCrossEntropyCheck.h"
#include "StrayUnsqueezeCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace torchlint {

class TorchTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<FloatClassTargetCheck>("torch-float-class-target");
    F.registerCheck<SoftmaxBeforeCrossEntropyCheck>(
        "torch-softmax-before-cross-entropy");
    F.registerCheck<StrayUnsqueezeCheck>("torch-stray-unsqueeze");
  }
};

} // namespace torchlint

static clang::tidy::ClangTidyModuleRegistry::Add<torchlint::TorchTidyModule>
    X("torch-module", "Checks for LibTorch's loss contracts.");
