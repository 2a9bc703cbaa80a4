//===--- TensorFlow.h - Following tensors through the program -------------===//
//
// An abstract interpreter over the user's functions. It walks each function
// of the main file in program order, keeps what it can prove about every
// local, field and parameter (TensorFacts), joins facts where control flow
// merges, iterates loops to a fixed point and descends into the user's own
// callees (helpers, module constructors and forward() methods, lambdas,
// template instantiations) with the facts of their arguments. Every loss call
// it reaches is recorded with the facts of its input and target; the checks
// read those records.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TENSORFLOW_H
#define TORCHLINT_TENSORFLOW_H

#include "TensorFacts.h"
#include "clang/AST/Expr.h"
#include <map>

namespace clang {
class ASTContext;
}

namespace torchlint {

/// One loss call reached by the analysis, with what was proven about its
/// arguments on every path that reaches it in one calling context.
struct LossUse {
  LossKind Kind;
  const clang::Expr *Call = nullptr;
  const clang::Expr *InputArg = nullptr;
  const clang::Expr *TargetArg = nullptr;
  TensorFact Input, Target;
  /// ignore_index in effect, when known (-100 unless set in the options).
  std::optional<int64_t> IgnoreIndex;
  /// The user's call sites that led here, outermost first.
  std::vector<const clang::Expr *> CallStack;
};

class TensorFlowAnalysis {
public:
  explicit TensorFlowAnalysis(clang::ASTContext &Ctx);
  ~TensorFlowAnalysis();

  /// Every loss use reachable from the main file's functions, in the order of
  /// their source locations.
  const std::vector<LossUse> &lossUses();

  /// The analysis of the translation unit being checked, shared by all checks
  /// of one thread. reset() forgets it at the start of a new translation unit.
  static TensorFlowAnalysis &forContext(clang::ASTContext &Ctx);
  static void reset();

private:
  class Interpreter;
  clang::ASTContext &Ctx;
  std::unique_ptr<Interpreter> Impl;
  std::optional<std::vector<LossUse>> Uses;
};

} // namespace torchlint

#endif // TORCHLINT_TENSORFLOW_H
