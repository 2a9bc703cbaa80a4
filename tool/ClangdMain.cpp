//===--- ClangdMain.cpp - torchlint-clangd: clangd with the torch checks --===//
//
// clangd 19 itself, from Debian's libclangdMain.a, with the torch- checks
// linked in: their ClangTidyModuleRegistry entry is in this binary, so
// clangd's clang-tidy integration finds them like its own modules.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

int main(int argc, char **argv) {
  // clangd looks for the compiler's built-in headers (stddef.h, ...) beside
  // its own executable, which does not live in a clang installation: point
  // it at the clang this binary was built with, unless the user did.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(argv[I]).starts_with("-resource-dir"))
      HasResourceDir = true;
  static char ResourceDir[] = "--resource-dir=" TORCHLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
