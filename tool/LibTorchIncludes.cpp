//===--- LibTorchIncludes.cpp - Which files use LibTorch ------------------===//

#include "LibTorchIncludes.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

using namespace llvm;

namespace torchlint {

/// How many files are read to find LibTorch behind one: an include directory
/// may hold a large library that never leads to it.
static constexpr unsigned MaxFilesRead = 500;

bool isLibTorchHeader(StringRef Name) {
  return Name.starts_with("torch/") || Name.starts_with("ATen/") ||
         Name.starts_with("c10/");
}

/// The include directories of \p Command, absolute.
static std::vector<std::string>
includeDirectories(const clang::tooling::CompileCommand &Command) {
  std::vector<std::string> Dirs;
  const std::vector<std::string> &Args = Command.CommandLine;
  for (size_t I = 0; I < Args.size(); ++I) {
    for (StringRef Flag : {"-I", "-iquote", "-isystem", "-idirafter"}) {
      StringRef Dir = Args[I];
      if (!Dir.consume_front(Flag))
        continue;
      if (Dir.empty() && I + 1 < Args.size())
        Dir = Args[++I];
      SmallString<256> Absolute(Dir);
      sys::fs::make_absolute(Command.Directory, Absolute);
      Dirs.push_back(std::string(Absolute));
      break;
    }
  }
  return Dirs;
}

ErrorOr<bool> includesLibTorch(StringRef File,
                               const clang::tooling::CompileCommand &Command) {
  std::vector<std::string> Dirs = includeDirectories(Command);
  std::vector<std::string> Pending = {File.str()};
  StringSet<> Seen;
  unsigned Read = 0;
  while (!Pending.empty() && Read < MaxFilesRead) {
    std::string Path = Pending.back();
    Pending.pop_back();
    if (!Seen.insert(Path).second)
      continue;
    auto Buffer = MemoryBuffer::getFile(Path);
    if (!Buffer) {
      if (Read == 0)
        return Buffer.getError();
      continue; // not where this include is found
    }
    ++Read;
    auto Candidate = [&](StringRef Dir, StringRef Name) {
      SmallString<256> Header(Dir);
      sys::path::append(Header, Name);
      sys::path::remove_dots(Header, /*remove_dot_dot=*/true);
      Pending.push_back(std::string(Header));
    };
    SmallVector<StringRef, 0> Lines;
    (*Buffer)->getBuffer().split(Lines, '\n');
    for (StringRef Line : Lines) {
      Line = Line.ltrim();
      if (!Line.consume_front("#"))
        continue;
      Line = Line.ltrim();
      if (!Line.consume_front("include"))
        continue;
      Line = Line.ltrim();
      bool Quoted = Line.consume_front("\"");
      if (!Quoted && !Line.consume_front("<"))
        continue;
      StringRef Name =
          Line.take_until([](char C) { return C == '"' || C == '>'; });
      if (isLibTorchHeader(Name))
        return true;
      if (Quoted)
        Candidate(sys::path::parent_path(Path), Name);
      for (const std::string &Dir : Dirs)
        Candidate(Dir, Name);
    }
  }
  return false;
}

} // namespace torchlint
