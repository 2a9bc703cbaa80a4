//===--- LibTorchIncludes.h - Which files use LibTorch ----------*- C++ -*-===//
//
// A file uses LibTorch when it includes one of its headers (<torch/...>,
// <ATen/...>, <c10/...>), itself or through the project's headers. This is
// told from the include lines alone, without parsing: it decides which files
// are analyzed at all (-p without files, --libtorch-files-only) and where a
// file's precompiled LibTorch prefix ends (PrefixCache.h).
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_LIBTORCHINCLUDES_H
#define TORCHLINT_TOOL_LIBTORCHINCLUDES_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorOr.h"

namespace torchlint {

/// Whether an `#include` of \p Name (what follows its `<` or `"`) names a
/// header of LibTorch.
bool isLibTorchHeader(llvm::StringRef Name);

/// Whether \p File includes a LibTorch header, itself or through the
/// project's headers: those it includes with quotes, found beside the file
/// that includes them, and those it includes either way, found in the
/// include directories (-I, -iquote, -isystem, -idirafter) of \p Command, the
/// command it is compiled with. An error if \p File itself cannot be read.
llvm::ErrorOr<bool>
includesLibTorch(llvm::StringRef File,
                 const clang::tooling::CompileCommand &Command);

} // namespace torchlint

#endif // TORCHLINT_TOOL_LIBTORCHINCLUDES_H
