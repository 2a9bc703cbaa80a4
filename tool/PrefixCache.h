//===--- PrefixCache.h - Precompiled LibTorch prefixes ----------*- C++ -*-===//
//
// Parsing <torch/torch.h> is most of the cost of analyzing a LibTorch file,
// and it is the same work for every file of a project and every run. A file
// that starts with `#include <...>` lines naming LibTorch headers is parsed
// with a precompiled header of those lines (up to the last LibTorch one),
// built once and kept in a cache directory.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_PREFIXCACHE_H
#define TORCHLINT_TOOL_PREFIXCACHE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace torchlint {

/// The `#include <...>` lines a source file starts with (only comments,
/// blank lines and these before them), as written; empty if it starts with
/// anything else. Precompiling them cannot change the meaning of the file:
/// they are the first thing it reads.
std::vector<std::string> leadingSystemIncludes(llvm::StringRef Source);

/// A size as --cache-size-limit takes it: a number of bytes, with an optional
/// K, M or G suffix (powers of 1024); nullopt if \p Text is none.
std::optional<uint64_t> parseSize(llvm::StringRef Text);

/// Where the cache lives by default: $XDG_CACHE_HOME/torchlint, else
/// ~/.cache/torchlint; empty if neither can be told.
std::string defaultCacheDirectory();

/// Precompiled headers of files' leading system includes, in a directory.
///
/// An entry is keyed by torchlint's own binary, the compiler flags that can
/// change a parse, the working directory and the include lines. It records
/// every header it was built from (path, size, modification time) and is
/// rebuilt when one of them differs. Entries are written under temporary
/// names and renamed, and a lock file keeps two processes from building the
/// same entry at once. A cache that cannot be written is used no more, after
/// one warning: the analysis goes on uncached and finds the same.
///
/// Each use of an entry is noted on it; when a build takes the cache past its
/// size limit, the entries used least recently are removed.
class PrefixCache {
public:
  /// About 25 entries of <torch/torch.h>, each 78 MB.
  static constexpr uint64_t DefaultSizeLimit = uint64_t(2) << 30;

  /// A cache in \p Directory that keeps its entries' total size under
  /// \p SizeLimit bytes, unless the entry just built alone is larger; no
  /// limit if 0.
  PrefixCache(std::string Directory, uint64_t SizeLimit = DefaultSizeLimit);

  /// The precompiled header to parse the command's file with, built now if
  /// there is no valid one; nullopt if the file has no such prefix, or the
  /// entry cannot be built. Command is the command line the file will be
  /// parsed with; Source is the file's content. Thread-safe.
  std::optional<std::string>
  lookup(const clang::tooling::CompileCommand &Command, llvm::StringRef Source);

  /// Removes an entry clang could not use, so that the next run rebuilds it.
  void discard(llvm::StringRef PCHPath);

  /// Warns about the cache; only the first warning of a process is shown.
  void warn(const llvm::Twine &Reason);

private:
  void markUsed(llvm::StringRef Key);
  void prune(llvm::StringRef BuiltKey);
  bool build(const clang::tooling::CompileCommand &Command,
             llvm::ArrayRef<std::string> Includes, llvm::StringRef Key);
  bool isValid(llvm::StringRef Key) const;
  std::string pathOf(llvm::StringRef Key, llvm::StringRef Extension) const;

  std::string Directory;
  uint64_t SizeLimit;
  /// Set when the directory cannot be written: the cache is used no more.
  std::atomic<bool> Unusable{false};
  std::once_flag Warned;
  std::mutex BuildingMutex;
  /// One mutex per key: threads wait for the one building an entry.
  std::map<std::string, std::unique_ptr<std::mutex>> Building;
};

} // namespace torchlint

#endif // TORCHLINT_TOOL_PREFIXCACHE_H
