//===--- PrefixCache.cpp - Precompiled LibTorch prefixes ------------------===//

#include "PrefixCache.h"
#include "AtomicFile.h"
#include "LibTorchApi.h"
#include "LibTorchIncludes.h"
#include "TypeTables.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/FrontendDiagnostic.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Serialization/ASTWriter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitstream/BitstreamWriter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/LockFileManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace torchlint {

//===----------------------------------------------------------------------===//
// The prefix of a file
//===----------------------------------------------------------------------===//

/// Skips blanks and comments, stopping at a newline if StopAtNewline.
static void skipBlanksAndComments(StringRef &S, bool StopAtNewline) {
  while (!S.empty()) {
    if (S.front() == '\n' && StopAtNewline)
      return;
    if (isSpace(S.front())) {
      S = S.drop_front();
    } else if (S.starts_with("//")) {
      S = S.drop_until([](char C) { return C == '\n'; });
    } else if (S.starts_with("/*")) {
      size_t End = S.find("*/", 2);
      if (End == StringRef::npos || S.substr(0, End).contains('\n'))
        if (StopAtNewline)
          return; // a comment that goes on past the directive's line
      S = End == StringRef::npos ? StringRef() : S.drop_front(End + 2);
    } else {
      return;
    }
  }
}

std::vector<std::string> leadingSystemIncludes(StringRef Source) {
  std::vector<std::string> Includes;
  StringRef S = Source;
  while (true) {
    skipBlanksAndComments(S, /*StopAtNewline=*/false);
    StringRef Line = S.take_until([](char C) { return C == '\n'; });
    // A directive continued on the next line is not one we can read.
    if (Line.ends_with("\\") || !S.consume_front("#"))
      return Includes;
    skipBlanksAndComments(S, /*StopAtNewline=*/true);
    if (!S.consume_front("include"))
      return Includes;
    skipBlanksAndComments(S, /*StopAtNewline=*/true);
    if (!S.starts_with("<"))
      return Includes;
    size_t Close = S.find_first_of(">\n");
    if (Close == StringRef::npos || S[Close] != '>')
      return Includes;
    StringRef Name = S.substr(0, Close + 1);
    S = S.drop_front(Close + 1);
    skipBlanksAndComments(S, /*StopAtNewline=*/true);
    if (!S.empty() && S.front() != '\n')
      return Includes;
    Includes.push_back(("#include " + Name).str());
  }
}

std::string defaultCacheDirectory() {
  SmallString<256> Dir;
  if (std::optional<std::string> XDG = sys::Process::GetEnv("XDG_CACHE_HOME");
      XDG && !XDG->empty())
    Dir = *XDG;
  else if (!sys::path::home_directory(Dir))
    return "";
  else
    sys::path::append(Dir, ".cache");
  sys::path::append(Dir, "torchlint");
  return std::string(Dir);
}

//===----------------------------------------------------------------------===//
// Keys and records
//===----------------------------------------------------------------------===//

/// Whether Arg names the command's source file.
static bool isSourceArgument(StringRef Arg,
                             const tooling::CompileCommand &Command) {
  if (Arg == Command.Filename)
    return true;
  SmallString<256> A(Arg), F(Command.Filename);
  sys::fs::make_absolute(Command.Directory, A);
  sys::fs::make_absolute(Command.Directory, F);
  sys::path::remove_dots(A, true);
  sys::path::remove_dots(F, true);
  return A == F;
}

/// The command's flags without its source file and what only concerns
/// outputs: the flags a precompiled prefix of it is built with and keyed by.
static std::vector<std::string>
prefixArguments(const tooling::CompileCommand &Command) {
  std::vector<std::string> Out;
  const std::vector<std::string> &Args = Command.CommandLine;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (I > 0 && isSourceArgument(A, Command))
      continue;
    if (A == "-c" || A == "-fsyntax-only" || A == "-MD" || A == "-MMD" ||
        A == "-MP")
      continue;
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    Out.push_back(A.str());
  }
  return Out;
}

/// What identifies this torchlint: a rebuilt binary may parse differently.
static std::string selfIdentity() {
  std::string Self = sys::fs::getMainExecutable(nullptr, nullptr);
  sys::fs::file_status Status;
  if (Self.empty() || sys::fs::status(Self, Status))
    return "unknown";
  return Self + " " + std::to_string(Status.getSize()) + " " +
         std::to_string(
             Status.getLastModificationTime().time_since_epoch().count());
}

static std::string keyOf(ArrayRef<std::string> Arguments,
                         const tooling::CompileCommand &Command,
                         ArrayRef<std::string> Includes) {
  static const std::string Self = selfIdentity();
  SHA256 Hash;
  auto Add = [&Hash](StringRef S) {
    Hash.update(S);
    Hash.update(StringRef("\0", 1));
  };
  Add("torchlint prefix cache 1");
  Add(clang::getClangFullVersion());
  Add(Self);
  Add(Command.Directory);
  for (const std::string &A : Arguments)
    Add(A);
  for (const std::string &I : Includes)
    Add(I);
  return toHex(Hash.final(), /*LowerCase=*/true).substr(0, 32);
}

/// A file's identity as the records keep it: "size mtime path".
static std::optional<std::string> recordOf(StringRef Path) {
  sys::fs::file_status Status;
  if (sys::fs::status(Path, Status) || !sys::fs::is_regular_file(Status))
    return std::nullopt;
  return std::to_string(Status.getSize()) + " " +
         std::to_string(
             Status.getLastModificationTime().time_since_epoch().count()) +
         " " + Path.str();
}

static constexpr llvm::StringLiteral RecordsHeader =
    "torchlint-prefix-records 1";

//===----------------------------------------------------------------------===//
// The cache
//===----------------------------------------------------------------------===//

std::optional<uint64_t> parseSize(StringRef Text) {
  unsigned Shift = 0;
  if (!Text.empty()) {
    size_t Unit = StringRef("KMG").find(toUpper(Text.back()));
    if (Unit != StringRef::npos) {
      Shift = 10 * (Unit + 1);
      Text = Text.drop_back();
    }
  }
  uint64_t Number;
  // getAsInteger takes digits only for an unsigned number: no sign, no blank.
  if (Text.getAsInteger(10, Number) || Number > (UINT64_MAX >> Shift))
    return std::nullopt;
  return Number << Shift;
}

PrefixCache::PrefixCache(std::string Directory, uint64_t SizeLimit)
    : Directory(std::move(Directory)), SizeLimit(SizeLimit) {}

std::string PrefixCache::pathOf(StringRef Key, StringRef Extension) const {
  SmallString<256> P(Directory);
  sys::path::append(P, Key + Extension);
  return std::string(P);
}

void PrefixCache::warn(const Twine &Reason) {
  std::call_once(Warned, [&] {
    WithColor::warning(errs(), "torchlint") << Reason << "\n";
  });
}

void PrefixCache::discard(StringRef PCHPath) {
  StringRef Key = sys::path::stem(PCHPath);
  sys::fs::remove(pathOf(Key, ".records"));
  sys::fs::remove(PCHPath);
}

bool PrefixCache::isValid(StringRef Key) const {
  auto Records = MemoryBuffer::getFile(pathOf(Key, ".records"));
  if (!Records || !sys::fs::exists(pathOf(Key, ".pch")))
    return false;
  SmallVector<StringRef, 0> Lines;
  (*Records)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  if (Lines.empty() || Lines.front() != RecordsHeader)
    return false;
  for (StringRef Line : ArrayRef(Lines).drop_front()) {
    StringRef Path = Line.split(' ').second.split(' ').second;
    std::optional<std::string> Now = recordOf(Path);
    if (!Now || *Now != Line)
      return false;
  }
  return true;
}

void PrefixCache::markUsed(StringRef Key) {
  // The records' modification time; one that cannot be set (a cache shared
  // read-only) only leaves the entry older than it is.
  int FD;
  if (sys::fs::openFileForReadWrite(pathOf(Key, ".records"), FD,
                                    sys::fs::CD_OpenExisting, sys::fs::OF_None))
    return;
  sys::TimePoint<> Now = std::chrono::system_clock::now();
  sys::fs::setLastAccessAndModificationTime(FD, Now, Now);
  sys::Process::SafelyCloseFileDescriptor(FD);
}

/// Whether a file name starts with an entry's key (32 hexadecimal digits and
/// a dot), as every file of the cache does: no other file is ever removed.
static std::optional<StringRef> keyOfFile(StringRef Name) {
  StringRef Key = Name.take_until([](char C) { return C == '.'; });
  if (Key.size() != 32 || Key.size() == Name.size() ||
      !llvm::all_of(
          Key, [](char C) { return isDigit(C) || (C >= 'a' && C <= 'f'); }))
    return std::nullopt;
  return Key;
}

void PrefixCache::prune(StringRef BuiltKey) {
  if (!SizeLimit)
    return;
  struct Entry {
    std::vector<std::string> Files;
    uint64_t Size = 0;
    /// The records are touched at every use; without them (a build that
    /// failed midway), the newest file tells.
    std::optional<sys::TimePoint<>> RecordsTime;
    sys::TimePoint<> NewestFile;
    bool BeingBuilt = false;
    sys::TimePoint<> lastUse() const {
      return RecordsTime.value_or(NewestFile);
    }
  };
  std::map<std::string, Entry> Entries;
  uint64_t Total = 0;
  std::error_code EC;
  for (sys::fs::directory_iterator I(Directory, EC), End; I != End && !EC;
       I.increment(EC)) {
    StringRef Name = sys::path::filename(I->path());
    std::optional<StringRef> Key = keyOfFile(Name);
    sys::fs::file_status Status;
    if (!Key || sys::fs::status(I->path(), Status) ||
        !sys::fs::is_regular_file(Status))
      continue;
    Entry &E = Entries[Key->str()];
    E.Files.push_back(I->path());
    E.Size += Status.getSize();
    StringRef Extension = Name.drop_front(Key->size());
    if (Extension == ".records")
      E.RecordsTime = Status.getLastModificationTime();
    E.NewestFile = std::max(E.NewestFile, Status.getLastModificationTime());
    E.BeingBuilt |= Extension.starts_with(".pch.lock");
    Total += Status.getSize();
  }
  std::vector<Entry *> Removable;
  for (auto &[Key, E] : Entries)
    if (Key != BuiltKey && !E.BeingBuilt)
      Removable.push_back(&E);
  llvm::sort(Removable, [](const Entry *A, const Entry *B) {
    return A->lastUse() < B->lastUse();
  });
  for (const Entry *E : Removable) {
    if (Total <= SizeLimit)
      break;
    for (const std::string &File : E->Files)
      sys::fs::remove(File);
    Total -= E->Size;
  }
}

namespace {

/// Records every file the precompiled prefix reads, system headers included.
class EveryDependency : public DependencyCollector {
public:
  bool needSystemDependencies() override { return true; }
  bool sawDependency(StringRef, bool, bool, bool, bool IsMissing) override {
    return !IsMissing;
  }
};

/// Lets clang 19's ASTWriter, which asks every declaration whether it is
/// referenced, answer at once for namespaces: Decl::isReferenced walks the
/// whole redeclaration chain when no declaration in it is, which is
/// quadratic for the namespaces LibTorch reopens in every header (c10 about
/// 4,000 times: 5% of a build). Nothing reads the bit of a namespace.
void markNamespacesReferenced(ASTContext &Ctx) {
  std::vector<DeclContext *> Work{Ctx.getTranslationUnitDecl()};
  while (!Work.empty()) {
    DeclContext *DC = Work.back();
    Work.pop_back();
    for (Decl *D : DC->decls()) {
      if (auto *NS = dyn_cast<NamespaceDecl>(D)) {
        NS->setReferenced();
        Work.push_back(NS);
      } else if (auto *Linkage = dyn_cast<LinkageSpecDecl>(D)) {
        Work.push_back(Linkage);
      }
    }
  }
}

/// Builds the prefix as the checks will read it (the bodies of library
/// functions left out, as in the parse of the file itself) and writes it to
/// its file as clang serializes it. clang 19's own PCHGenerator holds the
/// whole serialization in memory until the end (78 MB for torch.h), on top
/// of the AST: the peak of a cold run.
class StreamingPCHWriter : public SemaConsumer {
public:
  StreamingPCHWriter(CompilerInstance &CI, std::unique_ptr<raw_fd_stream> OS)
      : PP(CI.getPreprocessor()), OutputFile(CI.getFrontendOpts().OutputFile),
        OS(std::move(OS)),
        // Flushed to the file at the end of every block that passes 0 MB.
        Stream(std::make_unique<BitstreamWriter>(*this->OS,
                                                 /*FlushThreshold=*/0)),
        Writer(*Stream, UnusedBuffer, CI.getModuleCache(),
               /*Extensions=*/{}, CI.getFrontendOpts().IncludeTimestamps) {}

  void InitializeSema(Sema &S) override { SemaPtr = &S; }
  bool shouldSkipFunctionBody(Decl *D) override {
    return api::isLibraryDecl(D);
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (PP.getDiagnostics().hasErrorOccurred())
      return;
    markNamespacesReferenced(Ctx);
    Writer.WriteAST(*SemaPtr, OutputFile, /*WritingModule=*/nullptr,
                    /*isysroot=*/"");
    Stream.reset(); // writes what is left
    OS->close();
    if (OS->has_error()) {
      DiagnosticsEngine &Diags = PP.getDiagnostics();
      Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                         "cannot write '%0': %1"))
          << OutputFile << OS->error().message();
      OS->clear_error();
    }
  }
  void HandleVTable(CXXRecordDecl *RD) override { Writer.handleVTable(RD); }
  ASTMutationListener *GetASTMutationListener() override { return &Writer; }
  ASTDeserializationListener *GetASTDeserializationListener() override {
    return &Writer;
  }

private:
  Preprocessor &PP;
  std::string OutputFile;
  Sema *SemaPtr = nullptr;
  std::unique_ptr<raw_fd_stream> OS;
  std::unique_ptr<BitstreamWriter> Stream;
  /// Only read by ASTWriter for modules, never for a precompiled header.
  SmallVector<char, 0> UnusedBuffer;
  ASTWriter Writer;
};

class SkippingPCHAction : public GeneratePCHAction {
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    std::error_code EC;
    auto OS =
        std::make_unique<raw_fd_stream>(CI.getFrontendOpts().OutputFile, EC);
    if (EC) {
      CI.getDiagnostics().Report(diag::err_fe_unable_to_open_output)
          << CI.getFrontendOpts().OutputFile << EC.message();
      return nullptr;
    }
    reserveTypeTablesForLibTorch(CI.getASTContext());
    return std::make_unique<StreamingPCHWriter>(CI, std::move(OS));
  }
};

/// Keeps the first error of a build, and whether it concerned a file of the
/// prefix (a compile error) or the build itself (an output that cannot be
/// written).
class BuildDiagnostics : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !FirstError.empty())
      return;
    SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    FirstError = std::string(Message);
    InSource = Info.getLocation().isValid();
  }
  std::string FirstError;
  bool InSource = false;
};

} // namespace

bool PrefixCache::build(const tooling::CompileCommand &Command,
                        ArrayRef<std::string> Includes, StringRef Key) {
  auto CannotWrite = [&](std::error_code EC) {
    Unusable = true;
    warn("cannot write the cache in '" + Directory + "' (" + EC.message() +
         "); analyzing without it");
    return false;
  };
  // The header the prefix is built from; it is part of the entry's records,
  // so it is only written when missing (its content follows from the key).
  std::string Header = pathOf(Key, ".h");
  std::string HeaderText = "// torchlint: the prefix of a LibTorch file\n";
  for (const std::string &I : Includes)
    HeaderText += I + "\n";
  auto Existing = MemoryBuffer::getFile(Header);
  if (!Existing || (*Existing)->getBuffer() != HeaderText)
    if (std::error_code EC = writeAtomically(Header, HeaderText))
      return CannotWrite(EC);

  std::string PCH = pathOf(Key, ".pch");
  SmallString<256> Temp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(PCH + ".tmp-%%%%%%%%", FD, Temp))
    return CannotWrite(EC);
  sys::Process::SafelyCloseFileDescriptor(FD);
  std::vector<std::string> Arguments = prefixArguments(Command);

  std::vector<const char *> Argv;
  for (const std::string &A : Arguments)
    Argv.push_back(A.c_str());
  for (const char *A : {"-x", "c++-header"})
    Argv.push_back(A);
  Argv.push_back(Header.c_str());

  auto Diagnostics = std::make_unique<BuildDiagnostics>();
  CreateInvocationOptions Options;
  Options.Diags = CompilerInstance::createDiagnostics(
      new DiagnosticOptions(), Diagnostics.get(), /*ShouldOwnClient=*/false);
  std::shared_ptr<CompilerInvocation> Invocation =
      createInvocation(Argv, Options);
  bool Built = false;
  if (Invocation) {
    Invocation->getFileSystemOpts().WorkingDir = Command.Directory;
    Invocation->getFrontendOpts().OutputFile = std::string(Temp);
    Invocation->getFrontendOpts().SkipFunctionBodies = true;
    Invocation->getLangOpts().PCHInstantiateTemplates = true;
    // As the file's own parse (clang-tidy's): the macros must agree.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getDiagnosticOpts().ShowColors = false;
    Invocation->getDiagnosticOpts().ShowCarets = false; // no "N warnings"
    CompilerInstance Clang;
    Clang.setInvocation(std::move(Invocation));
    Clang.createDiagnostics(Diagnostics.get(), /*ShouldOwnClient=*/false);
    auto Dependencies = std::make_shared<EveryDependency>();
    Clang.addDependencyCollector(Dependencies);
    SkippingPCHAction Action;
    Built = Clang.ExecuteAction(Action) && !Diagnostics->getNumErrors();
    if (Built) {
      std::string Records = RecordsHeader.str() + "\n";
      for (const std::string &Dependency : Dependencies->getDependencies()) {
        SmallString<256> Path(Dependency);
        sys::fs::make_absolute(Command.Directory, Path);
        std::optional<std::string> Record = recordOf(Path);
        if (!Record) {
          Built = false;
          break;
        }
        Records += *Record + "\n";
      }
      std::error_code EC;
      if (Built && !(EC = sys::fs::rename(Temp, PCH)))
        EC = writeAtomically(pathOf(Key, ".records"), Records);
      if (EC)
        Built = CannotWrite(EC);
      else if (Built)
        prune(Key);
    }
  }
  if (!Built && Diagnostics->getNumErrors() && !Diagnostics->InSource) {
    Unusable = true;
    warn("cannot build a cache entry in '" + Directory + "' (" +
         Diagnostics->FirstError + "); analyzing without the cache");
  }
  sys::fs::remove(Temp);
  return Built;
}

std::optional<std::string>
PrefixCache::lookup(const tooling::CompileCommand &Command, StringRef Source) {
  if (Unusable)
    return std::nullopt;
  // Up to the last LibTorch header: the standard headers a file includes
  // after it are cheap, and leaving them out lets more files share an entry.
  std::vector<std::string> Includes = leadingSystemIncludes(Source);
  while (!Includes.empty() &&
         !isLibTorchHeader(StringRef(Includes.back()).split('<').second))
    Includes.pop_back();
  if (Includes.empty())
    return std::nullopt;
  std::string Key = keyOf(prefixArguments(Command), Command, Includes);

  std::mutex *KeyMutex;
  {
    std::lock_guard<std::mutex> Lock(BuildingMutex);
    auto &Slot = Building[Key];
    if (!Slot)
      Slot = std::make_unique<std::mutex>();
    KeyMutex = Slot.get();
  }
  std::lock_guard<std::mutex> Lock(*KeyMutex);
  std::string PCH = pathOf(Key, ".pch");
  auto UseIfValid = [&] {
    if (!isValid(Key))
      return false;
    markUsed(Key);
    return true;
  };
  if (UseIfValid())
    return PCH;

  if (std::error_code EC = sys::fs::create_directories(Directory)) {
    Unusable = true;
    warn("cannot create the cache directory '" + Directory + "' (" +
         EC.message() + "); analyzing without it");
    return std::nullopt;
  }
  // Another process may be building the same entry: wait for it rather than
  // build it twice.
  while (true) {
    LockFileManager Locked(PCH);
    switch (Locked) {
    case LockFileManager::LFS_Error:
      return build(Command, Includes, Key) ? std::optional(PCH) : std::nullopt;
    case LockFileManager::LFS_Owned:
      if (UseIfValid())
        return PCH;
      return build(Command, Includes, Key) ? std::optional(PCH) : std::nullopt;
    case LockFileManager::LFS_Shared:
      if (Locked.waitForUnlock(/*MaxSeconds=*/600) ==
          LockFileManager::Res_Timeout)
        Locked.unsafeRemoveLockFile();
      if (UseIfValid())
        return PCH;
      continue; // the other process failed: build it here
    }
  }
}

} // namespace torchlint
