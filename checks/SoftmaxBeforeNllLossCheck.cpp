//===--- SoftmaxBeforeNllLossCheck.cpp ------------------------------------===//

#include "SoftmaxBeforeNllLossCheck.h"
#include "LibTorchApi.h"
#include "clang/AST/Expr.h"

namespace torchlint {

/// softmax -> log_softmax, for a call whose arguments log_softmax takes as
/// they are (a dim and a dtype, not SoftmaxFuncOptions).
static fixit::Edits useLogSoftmax(const std::optional<Origin> &O,
                                  clang::ASTContext &Ctx) {
  const auto *Call =
      O && O->Site ? llvm::dyn_cast<clang::CallExpr>(api::ignoreWrappers(O->Site))
                   : nullptr;
  if (!Call || llvm::isa<clang::CXXOperatorCallExpr>(Call))
    return {};
  for (const clang::Expr *Arg : Call->arguments())
    if (api::isOptionsClass(Arg->getType()->getAsCXXRecordDecl()))
      return {};
  return fixit::renameCallee(Call, "log_softmax", Ctx);
}

bool SoftmaxBeforeNllLossCheck::checkUse(const LossUse &Use) {
  if (Use.Kind != LossKind::NLL || !isSoftmaxOverClasses(Use.Input))
    return false;
  diag(Use.Call->getBeginLoc(),
       "input of NLLLoss%0 is a softmax, not a log_softmax; NLLLoss expects "
       "log-probabilities, so it minimizes -p instead of -log(p) and its "
       "gradients vanish as p shrinks; use log_softmax")
      << (Use.Input.Sizes ? " " + formatShape(Use.Input.Sizes) : "")
      << useLogSoftmax(Use.Input.ActOrigin, *Context);
  noteConfirmation(Use, Claim::of(Claim::SoftmaxBeforeNll));
  noteOrigin(Use.Input.ActOrigin);
  noteCallStack(Use);
  return true;
}

} // namespace torchlint
