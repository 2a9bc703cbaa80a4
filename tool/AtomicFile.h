//===--- AtomicFile.h - Files replaced all at once --------------*- C++ -*-===//
//
// The files torchlint writes while others may read them (a source file that
// --fix changes, an entry of the cache) are written under a temporary name
// and renamed over the old one, so that a reader sees the old content or the
// new, never a part.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_ATOMICFILE_H
#define TORCHLINT_TOOL_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include <system_error>

namespace torchlint {

/// Writes \p Content to \p Path through a temporary file in the same
/// directory renamed over it. A file that exists keeps its permissions, and a
/// symbolic link is written through, not replaced; a missing file is created.
std::error_code writeAtomically(llvm::StringRef Path, llvm::StringRef Content);

} // namespace torchlint

#endif // TORCHLINT_TOOL_ATOMICFILE_H
