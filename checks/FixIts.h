//===--- FixIts.h - Source edits that repair a finding ----------*- C++ -*-===//
//
// The edits the checks attach to their findings. Each returns no edit unless
// the correction is unambiguous: the code it changes is written out (no
// macro), and the value it changes flows into the loss call only.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_FIXITS_H
#define TORCHLINT_FIXITS_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace torchlint::fixit {

using Edits = llvm::SmallVector<clang::FixItHint, 2>;

/// Whether the value of Producer reaches Consumer (a loss argument) and
/// nothing else: Consumer is Producer, or names a local variable that
/// Producer initializes and that is read only there.
bool flowsOnlyInto(const clang::Expr *Producer, const clang::Expr *Consumer,
                   clang::ASTContext &Ctx);

/// Replaces a call on a tensor (x.softmax(1), torch::sigmoid(x),
/// x.unsqueeze(0), ...) by the tensor it operates on.
Edits dropCall(const clang::Expr *Call, clang::ASTContext &Ctx);

/// Renames the function a call names (torch::softmax -> torch::log_softmax).
Edits renameCallee(const clang::Expr *Call, llvm::StringRef NewName,
                   clang::ASTContext &Ctx);

/// Replaces argument ArgIndex of a call (counting the tensor of a method
/// call as no argument) by Text.
Edits replaceArgument(const clang::Expr *Call, unsigned ArgIndex,
                      llvm::StringRef Text, clang::ASTContext &Ctx);

/// Appends a method call (".to(torch::kLong)") to an expression.
Edits appendCall(const clang::Expr *E, llvm::StringRef Suffix,
                 clang::ASTContext &Ctx);

/// Removes a module from the Sequential it is an argument of, or the
/// push_back statement that adds it.
Edits dropSequentialModule(const clang::Expr *Module, clang::ASTContext &Ctx);

} // namespace torchlint::fixit

#endif // TORCHLINT_FIXITS_H
