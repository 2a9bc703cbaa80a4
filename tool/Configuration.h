//===--- Configuration.h - What configures a torchlint run -----*- C++ -*-===//
//
// The compilation database and the .clang-tidy files, read strictly: a file
// that exists but cannot be parsed is reported with its name and the reason
// (and the run exits with status 2) instead of being skipped silently; and
// the check names given on the command line, which must name checks.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_CONFIGURATION_H
#define TORCHLINT_TOOL_CONFIGURATION_H

#include "Reports.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace torchlint {

/// The compilation database of a run without `--`: the first
/// compile_commands.json (or compile_flags.txt) in \p BuildPath when it is
/// given (none there is an error), else the nearest in the directories above
/// \p FirstSource (none: nullptr, the default flags are used). A database that
/// cannot be parsed is an error whose message names it and says why.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(llvm::StringRef BuildPath, llvm::StringRef FirstSource);

/// clang-tidy's provider of options from .clang-tidy files, except that a
/// file that cannot be parsed is recorded in \p Errors (with the first
/// error's line, column and message) instead of being reported on the
/// standard error and ignored.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
strictOptionsProvider(clang::tidy::ClangTidyGlobalOptions GlobalOptions,
                      clang::tidy::ClangTidyOptions Defaults,
                      clang::tidy::ClangTidyOptions Overrides,
                      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      std::vector<BadInput> &Errors);

/// A message for each glob of \p Globs (a --checks value) that matches no
/// check torchlint knows, naming the closest check; empty if all match.
std::vector<std::string> unknownCheckGlobs(llvm::StringRef Globs);

/// Whether the globs \p Globs (a Checks value) enable at least one check.
bool enablesSomeCheck(llvm::StringRef Globs);

} // namespace torchlint

#endif // TORCHLINT_TOOL_CONFIGURATION_H
