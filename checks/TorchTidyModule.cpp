//===--- TorchTidyModule.cpp - The torch- checks --------------------------===//

#include "CrossEntropyShapeMismatchCheck.h"
#include "FloatClassTargetCheck.h"
#include "SigmoidBeforeBceWithLogitsCheck.h"
#include "SoftmaxBeforeCrossEntropyCheck.h"
#include "SoftmaxBeforeNllLossCheck.h"
#include "StrayUnsqueezeCheck.h"
#include "TargetOutOfRangeCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace torchlint {

class TorchTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<CrossEntropyShapeMismatchCheck>(
        "torch-cross-entropy-shape-mismatch");
    F.registerCheck<FloatClassTargetCheck>("torch-float-class-target");
    F.registerCheck<SigmoidBeforeBceWithLogitsCheck>(
        "torch-sigmoid-before-bce-with-logits");
    F.registerCheck<SoftmaxBeforeCrossEntropyCheck>(
        "torch-softmax-before-cross-entropy");
    F.registerCheck<SoftmaxBeforeNllLossCheck>("torch-softmax-before-nll-loss");
    F.registerCheck<StrayUnsqueezeCheck>("torch-stray-unsqueeze");
    F.registerCheck<TargetOutOfRangeCheck>("torch-target-out-of-range");
  }
};

} // namespace torchlint

static clang::tidy::ClangTidyModuleRegistry::Add<torchlint::TorchTidyModule>
    X("torch-module", "Checks for LibTorch's loss contracts.");
