//===--- Configuration.cpp - What configures a torchlint run --------------===//

#include "Configuration.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace torchlint {

static Error badFile(const Twine &File, const Twine &Reason) {
  return createStringError(inconvertibleErrorCode(), File + ": " + Reason);
}

/// A JSON syntax error as "line L, column C: message" (llvm::json says
/// "[L:C0, byte=B]: message", with a 0-based column).
static std::string jsonError(Error E) {
  std::string Text = toString(std::move(E));
  unsigned Line, Column;
  StringRef Rest = Text;
  if (Rest.consume_front("[") && !Rest.consumeInteger(10, Line) &&
      Rest.consume_front(":") && !Rest.consumeInteger(10, Column)) {
    size_t End = Rest.find("]: ");
    if (End != StringRef::npos)
      return formatv("line {0}, column {1}: {2}", Line, Column + 1,
                     Rest.drop_front(End + 3));
  }
  return Text;
}

/// The database in \p Dir, if it has one; an error if it cannot be parsed.
static Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadFromDirectory(StringRef Dir) {
  SmallString<256> Json(Dir);
  sys::path::append(Json, "compile_commands.json");
  if (sys::fs::exists(Json)) {
    auto Buffer = MemoryBuffer::getFile(Json);
    if (!Buffer)
      return badFile(Json, "cannot read file: " + Buffer.getError().message());
    // LibTooling's loader parses JSON as YAML, which accepts what is not
    // JSON and reports syntax errors poorly: check the syntax first.
    if (Expected<json::Value> V = json::parse((*Buffer)->getBuffer()); !V)
      return badFile(Json, "is not valid JSON: " + jsonError(V.takeError()));
    std::string Message;
    if (std::unique_ptr<tooling::CompilationDatabase> DB =
            tooling::JSONCompilationDatabase::loadFromFile(
                Json, Message, tooling::JSONCommandLineSyntax::AutoDetect))
      // What LibTooling's JSON plugin adds: commands for headers and files
      // the database lacks, inferred from their neighbours.
      return tooling::inferTargetAndDriverMode(
          tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
              std::move(DB), vfs::getRealFileSystem())));
    return badFile(Json, "is not a compilation database: " +
                             StringRef(Message).rtrim());
  }
  SmallString<256> Flags(Dir);
  sys::path::append(Flags, "compile_flags.txt");
  if (sys::fs::exists(Flags)) {
    std::string Message;
    if (auto DB =
            tooling::FixedCompilationDatabase::loadFromFile(Flags, Message))
      return std::move(DB);
    return badFile(Flags, "cannot be read: " + Message);
  }
  return nullptr;
}

/// The database in \p Dir or the nearest of its parents that has one.
static Expected<std::unique_ptr<tooling::CompilationDatabase>>
findUpwards(StringRef Dir) {
  SmallString<256> Abs(Dir);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  for (StringRef D = Abs; !D.empty(); D = sys::path::parent_path(D)) {
    auto DB = loadFromDirectory(D);
    if (!DB || *DB)
      return DB;
  }
  return nullptr;
}

Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadCompilationDatabase(StringRef BuildPath, StringRef FirstSource) {
  if (BuildPath.empty())
    return findUpwards(sys::path::parent_path(FirstSource));
  if (!sys::fs::is_directory(BuildPath)) {
    // -p build/compile_commands.json names the directory's database.
    if (sys::path::filename(BuildPath) == "compile_commands.json" &&
        sys::fs::exists(BuildPath))
      return loadCompilationDatabase(sys::path::parent_path(BuildPath),
                                     FirstSource);
    return badFile("-p " + BuildPath, "no such directory");
  }
  // The build directory itself, not its parents: a -p that names the wrong
  // directory is a mistake to report, not to work around.
  auto DB = loadFromDirectory(BuildPath);
  if (DB && !*DB)
    return badFile("-p " + BuildPath,
                   "no compile_commands.json in this directory");
  return DB;
}

namespace {
class StrictFileOptionsProvider : public FileOptionsProvider {
public:
  StrictFileOptionsProvider(ClangTidyGlobalOptions GlobalOptions,
                            ClangTidyOptions Defaults,
                            ClangTidyOptions Overrides,
                            IntrusiveRefCntPtr<vfs::FileSystem> FS,
                            std::vector<BadInput> &Errors)
      : FileOptionsProvider(std::move(GlobalOptions), std::move(Defaults),
                            std::move(Overrides), std::move(FS)) {
    // No constructor takes both a file system and handlers.
    ConfigHandlers.clear();
    ConfigHandlers.emplace_back(
        ".clang-tidy",
        [&Errors](MemoryBufferRef Config) -> ErrorOr<ClangTidyOptions> {
          std::string First;
          ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
              Config, [&First](const SMDiagnostic &D) {
                if (First.empty() && D.getKind() == SourceMgr::DK_Error)
                  First = formatv("line {0}, column {1}: {2}", D.getLineNo(),
                                  D.getColumnNo() + 1, D.getMessage());
              });
          if (Parsed)
            return Parsed;
          Errors.push_back(
              {Config.getBufferIdentifier().str(),
               "cannot be parsed: " +
                   (First.empty() ? Parsed.getError().message() : First)});
          // Not the error, which clang-tidy would report on its own: the
          // caller skips the files this configuration governs.
          return ClangTidyOptions();
        });
  }
};
} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
strictOptionsProvider(ClangTidyGlobalOptions GlobalOptions,
                      ClangTidyOptions Defaults, ClangTidyOptions Overrides,
                      IntrusiveRefCntPtr<vfs::FileSystem> FS,
                      std::vector<BadInput> &Errors) {
  return std::make_unique<StrictFileOptionsProvider>(
      std::move(GlobalOptions), std::move(Defaults), std::move(Overrides),
      std::move(FS), Errors);
}

std::vector<std::string> unknownCheckGlobs(StringRef Globs) {
  NamesAndOptions All = getAllChecksAndOptions();
  std::vector<std::string> Messages;
  SmallVector<StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    StringRef Glob = Part.trim();
    Glob.consume_front("-");
    Glob = Glob.trim();
    // The compiler's diagnostics are not in the list of checks.
    if (Glob.empty() || Glob.starts_with("clang-diagnostic-"))
      continue;
    GlobList Matcher(Glob);
    StringRef Closest;
    unsigned Distance = ~0u;
    bool Matches = false;
    for (const auto &Name : All.Names) {
      if (Matcher.contains(Name.getKey())) {
        Matches = true;
        break;
      }
      unsigned D = Glob.edit_distance(Name.getKey());
      if (D < Distance || (D == Distance && Name.getKey() < Closest)) {
        Distance = D;
        Closest = Name.getKey();
      }
    }
    if (Matches)
      continue;
    std::string Message = ("no check is named '" + Glob + "'").str();
    if (!Closest.empty() && Distance <= Glob.size() / 3 + 2)
      Message += ("; did you mean '" + Closest + "'?").str();
    Messages.push_back(std::move(Message));
  }
  return Messages;
}

bool enablesSomeCheck(StringRef Globs) {
  GlobList Enabled(Globs);
  return llvm::any_of(getAllChecksAndOptions().Names, [&](const auto &Name) {
    return Enabled.contains(Name.getKey());
  });
}

} // namespace torchlint
