//===--- Frontend.h - How torchlint parses and checks one file --*- C++ -*-===//
//
// clang-tidy's runClangTidy(), made fast for LibTorch files: the bodies of
// library functions are not parsed, the matchers only walk the declarations
// the user wrote, and the LibTorch headers a file starts with come from a
// precompiled header in the cache. None of these changes a finding.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_FRONTEND_H
#define TORCHLINT_TOOL_FRONTEND_H

#include "PrefixCache.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace torchlint {

struct FrontendOptions {
  /// Parse and traverse everything, as clang-tidy does (slower; the same
  /// findings).
  bool ParseLibraryBodies = false;
  /// Where LibTorch prefixes are cached; null for no cache.
  PrefixCache *Cache = nullptr;
};

/// Runs the enabled checks of Context on File and returns their diagnostics
/// (and the compiler's errors), as runClangTidy() does.
std::vector<clang::tidy::ClangTidyError>
runChecks(clang::tidy::ClangTidyContext &Context,
          const clang::tooling::CompilationDatabase &Compilations,
          const std::string &File,
          llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS,
          const FrontendOptions &Options);

/// Whether the diagnostic is a compiler error (the file does not parse).
bool isCompilerError(const clang::tidy::ClangTidyError &E);

} // namespace torchlint

#endif // TORCHLINT_TOOL_FRONTEND_H
