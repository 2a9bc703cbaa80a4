//===--- TorchLintMain.cpp - The torchlint command-line tool --------------===//
//
// A thin front door over clang-tidy's engine with the torch- checks linked
// in: it validates the inputs, runs the checks file by file, reports the
// diagnostics (Reports.h: clang's text, JSON or SARIF), applies or exports the
// fix-its and turns the outcome into an exit status (0 clean, 1 findings, 2
// usage error or an input that cannot be read or parsed).
//
//===----------------------------------------------------------------------===//

#include "Configuration.h"
#include "Frontend.h"
#include "LibTorchApi.h"
#include "LibTorchIncludes.h"
#include "Reports.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

static cl::OptionCategory TorchLintCategory("torchlint options");

static cl::list<std::string> SourcePaths(cl::Positional,
                                         cl::desc("<source0> [... <sourceN>]"),
                                         cl::ZeroOrMore,
                                         cl::cat(TorchLintCategory));

static cl::opt<std::string> BuildPath(
    "p",
    cl::desc("Build directory holding compile_commands.json (default: the "
             "nearest one above the first source file); with no source "
             "file, every file of it that includes LibTorch is analyzed"),
    cl::value_desc("build dir"), cl::cat(TorchLintCategory));

static cl::opt<bool> LibTorchFilesOnly(
    "libtorch-files-only",
    cl::desc("Skip, silently, the source files given that do not include "
             "LibTorch, directly or through the project's headers (as -p "
             "without source files does)"),
    cl::init(false), cl::cat(TorchLintCategory));

static cl::opt<unsigned>
    Jobs("j",
         cl::desc("Files analyzed in parallel (default: the number of "
                  "cores); the report is the same as with -j 1"),
         cl::value_desc("N"), cl::init(0), cl::cat(TorchLintCategory));

static cl::opt<bool>
    Quiet("quiet",
          cl::desc("No progress line on the standard error, which torchlint "
                   "shows when it is a terminal and there are several files"),
          cl::init(false), cl::cat(TorchLintCategory));

static cl::list<std::string>
    ArgsAfter("extra-arg",
              cl::desc("Additional argument to append to the compiler "
                       "command line"),
              cl::cat(TorchLintCategory));

static cl::list<std::string>
    ArgsBefore("extra-arg-before",
               cl::desc("Additional argument to prepend to the compiler "
                        "command line"),
               cl::cat(TorchLintCategory));

static cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated list of globs of checks to run, as in "
             "clang-tidy (default: every torch-* check)"),
    cl::init(""), cl::cat(TorchLintCategory));

static cl::opt<bool> ApplyFixes(
    "fix",
    cl::desc("Apply the fix-its of the findings to the files (the findings "
             "are still reported)"),
    cl::init(false), cl::cat(TorchLintCategory));

static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Checks whose findings are errors, as clang-tidy's globs "
             "(overrides WarningsAsErrors of .clang-tidy)"),
    cl::init(""), cl::cat(TorchLintCategory));

static cl::opt<std::string>
    Format("format",
           cl::desc("Report format: text (clang's diagnostics, the default), "
                    "json, or sarif (SARIF 2.1.0, for code scanning)"),
           cl::value_desc("text|json|sarif"), cl::init("text"),
           cl::cat(TorchLintCategory));

static cl::opt<std::string>
    OutputFile("output",
               cl::desc("Write the report to <file> instead of the standard "
                        "output"),
               cl::value_desc("file"), cl::cat(TorchLintCategory));

static cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory the SARIF report's locations are relative to "
             "(SRCROOT; default: the current directory)"),
    cl::value_desc("dir"), cl::cat(TorchLintCategory));

static cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the fix-its to <file> as YAML for "
                         "clang-apply-replacements"),
                cl::value_desc("file"), cl::cat(TorchLintCategory));

static cl::opt<bool> ParseLibraryBodies(
    "parse-library-bodies",
    cl::desc("Parse the bodies of LibTorch's and the standard library's "
             "functions too (slower; the findings are the same)"),
    cl::init(false), cl::cat(TorchLintCategory));

static cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Where precompiled LibTorch headers are cached (default: "
             "$XDG_CACHE_HOME/torchlint, else ~/.cache/torchlint)"),
    cl::value_desc("dir"), cl::cat(TorchLintCategory));

static cl::opt<std::string> CacheSizeLimit(
    "cache-size-limit",
    cl::desc("Remove the cache entries used least recently when a new one "
             "takes the cache past <size> (K, M or G; 0: no limit; default: "
             "2G)"),
    cl::value_desc("size"), cl::cat(TorchLintCategory));

static cl::opt<bool>
    NoCache("no-cache",
            cl::desc("Parse every file's LibTorch headers anew, without the "
                     "cache"),
            cl::init(false), cl::cat(TorchLintCategory));

static cl::opt<bool> Confirm(
    "confirm",
    cl::desc("Replay each finding on sample data with the bundled loss "
             "kernel and add a note with the outcome (the default)"),
    cl::init(true), cl::cat(TorchLintCategory));
static cl::opt<bool> NoConfirm("no-confirm",
                               cl::desc("Report findings without that note"),
                               cl::init(false), cl::cat(TorchLintCategory));

static cl::extrahelp MoreHelp(R"(
torchlint finds LibTorch loss-contract mistakes before the code runs:
  torch-softmax-before-cross-entropy    a softmax feeding CrossEntropyLoss
  torch-softmax-before-nll-loss         a softmax (not log_softmax) feeding NLLLoss
  torch-sigmoid-before-bce-with-logits  a sigmoid feeding BCEWithLogitsLoss
  torch-stray-unsqueeze                 an unsqueeze that breaks the loss's shapes
  torch-cross-entropy-shape-mismatch    input and target shapes LibTorch rejects
  torch-float-class-target              class-index targets of a rejected dtype
  torch-target-out-of-range             class indices outside [0, C-1]

Examples:
  torchlint train.cpp
  torchlint -p build/ src/train.cpp src/model.cpp
  torchlint model.cpp -- -I/usr/include/torch/csrc/api/include -std=c++17
  torchlint --format=sarif --output=torchlint.sarif -p build/ src/*.cpp

Exit status: 0 no findings, 1 findings, 2 usage error, a configuration that
cannot be used (compile_commands.json, .clang-tidy) or a file that cannot be
read or parsed.
)");

/// The include directory of LibTorch's C++ frontend, when installed the way
/// Debian's libtorch-dev installs it: added to commands that lack it so that
/// `torchlint file.cpp` works without a compilation database.
static constexpr llvm::StringLiteral LibTorchApiInclude =
    "/usr/include/torch/csrc/api/include";

static tooling::ArgumentsAdjuster defaultFlagsAdjuster() {
  return [](const tooling::CommandLineArguments &Args, StringRef File) {
    bool HasResourceDir = false, HasTorchInclude = false;
    for (const std::string &A : Args) {
      HasResourceDir |= StringRef(A).starts_with("-resource-dir");
      HasTorchInclude |= StringRef(A).contains("torch/csrc/api/include");
    }
    tooling::CommandLineArguments Missing;
    if (!HasResourceDir)
      Missing.push_back("-resource-dir=" TORCHLINT_CLANG_RESOURCE_DIR);
    if (!HasTorchInclude && sys::fs::is_directory(LibTorchApiInclude))
      Missing.push_back(("-I" + LibTorchApiInclude).str());
    // Before a `--` that ends the flags (commands inferred for files the
    // database does not list end with `-- file`).
    return tooling::getInsertArgumentAdjuster(
        Missing, tooling::ArgumentInsertPosition::END)(Args, File);
  };
}

/// The user's compilation database with the --extra-arg flags and
/// torchlint's default flags added.
class DefaultFlagsCompilations : public tooling::CompilationDatabase {
public:
  explicit DefaultFlagsCompilations(const tooling::CompilationDatabase &Base)
      : Base(Base),
        Adjust(tooling::combineAdjusters(
            tooling::combineAdjusters(
                tooling::getInsertArgumentAdjuster(
                    ArgsBefore, tooling::ArgumentInsertPosition::BEGIN),
                tooling::getInsertArgumentAdjuster(
                    ArgsAfter, tooling::ArgumentInsertPosition::END)),
            defaultFlagsAdjuster())) {}

  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    return adjust(Base.getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base.getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return adjust(Base.getAllCompileCommands());
  }

private:
  std::vector<tooling::CompileCommand>
  adjust(std::vector<tooling::CompileCommand> Commands) const {
    for (tooling::CompileCommand &C : Commands)
      C.CommandLine = Adjust(C.CommandLine, C.Filename);
    return Commands;
  }
  const tooling::CompilationDatabase &Base;
  tooling::ArgumentsAdjuster Adjust;
};

/// Every input that could not be analyzed, for the JSON and SARIF reports.
static std::vector<torchlint::BadInput> BadInputs;

static void reportBadInput(StringRef File, const Twine &Reason) {
  WithColor::error(errs(), "torchlint") << File << ": " << Reason << "\n";
  BadInputs.push_back({File.str(), Reason.str()});
}

/// Why a path does not name a readable, non-empty regular file, if it does
/// not.
static std::optional<std::string> whyNotAnalyzable(StringRef File) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(File, Status))
    return "cannot read file: " + EC.message();
  if (sys::fs::is_directory(Status))
    return std::string("is a directory, not a source file");
  auto Buffer = MemoryBuffer::getFile(File);
  if (!Buffer)
    return "cannot read file: " + Buffer.getError().message();
  if ((*Buffer)->getBufferSize() == 0)
    return std::string("file is empty");
  return std::nullopt;
}

/// Whether File includes LibTorch (LibTorchIncludes.h), with the include
/// directories of the command it is analyzed with; an error if it cannot be
/// read.
static ErrorOr<bool>
usesLibTorch(StringRef File, const tooling::CompilationDatabase &Compilations) {
  SmallString<256> AbsoluteFile(File);
  sys::fs::make_absolute(AbsoluteFile);
  std::vector<tooling::CompileCommand> Commands =
      Compilations.getCompileCommands(AbsoluteFile);
  return torchlint::includesLibTorch(
      File, Commands.empty() ? tooling::CompileCommand() : Commands.front());
}

/// The files of the compilation database that include LibTorch, sorted.
static std::vector<std::string>
libTorchFilesOf(const tooling::CompilationDatabase &Compilations) {
  std::vector<std::string> Files;
  for (const std::string &File : Compilations.getAllFiles()) {
    ErrorOr<bool> Uses = usesLibTorch(File, Compilations);
    if (Uses && *Uses)
      Files.push_back(File);
  }
  llvm::sort(Files);
  return Files;
}

/// One file's analysis: run on a worker thread, reported in the input order.
struct FileRun {
  std::string File;
  /// Why it is not analyzed (it cannot be read, its .clang-tidy cannot be
  /// parsed, ...), reported in its turn.
  std::vector<torchlint::BadInput> Problems;
  /// Where its options provider records .clang-tidy files it cannot parse.
  std::unique_ptr<std::vector<torchlint::BadInput>> ConfigErrors;
  std::unique_ptr<ClangTidyContext> Context;
  std::vector<ClangTidyError> Errors;
};

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
#ifdef __GLIBC__
  // glibc raises its mmap threshold to the size of every large block freed,
  // so that the tables a LibTorch parse grows (and frees as they grow) stay
  // in its heap. A fixed threshold of 4 MB returns them to the system, 17 MB
  // off the peak of a cold run; a lower one costs page faults (5% of it).
  mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
#endif
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "torchlint " TORCHLINT_VERSION " (LibTorch loss-contract checks, "
          "clang-tidy engine of LLVM " LLVM_VERSION_STRING ")\n";
  });
  // Flags after `--` make a fixed compilation database; otherwise one is
  // looked for (Configuration.h), as LibTooling's CommonOptionsParser does but
  // with an error for a database that cannot be parsed.
  std::string FixedError;
  std::unique_ptr<tooling::CompilationDatabase> BaseCompilations =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             FixedError);
  cl::HideUnrelatedOptions(TorchLintCategory);
  // The messages name the tool and say what to do.
  if (!cl::ParseCommandLineOptions(
          argc, argv, "torchlint: static checks for LibTorch loss contracts",
          &errs()))
    return 2;
  if (!FixedError.empty()) {
    reportBadInput("--", FixedError);
    return 2;
  }

  std::optional<torchlint::ReportFormat> ReportFormat =
      torchlint::parseReportFormat(Format);
  if (!ReportFormat) {
    reportBadInput("--format=" + Format,
                   "unknown format (expected text, json or sarif)");
    return 2;
  }
  std::optional<uint64_t> CacheSize =
      CacheSizeLimit.getNumOccurrences()
          ? torchlint::parseSize(CacheSizeLimit)
          : torchlint::PrefixCache::DefaultSizeLimit;
  if (!CacheSize) {
    reportBadInput("--cache-size-limit=" + CacheSizeLimit,
                   "not a size (a number of bytes, with an optional K, M or G "
                   "suffix)");
    return 2;
  }
  bool BadChecks = false;
  for (cl::opt<std::string> *Globs : {&Checks, &WarningsAsErrors})
    for (const std::string &Message : torchlint::unknownCheckGlobs(*Globs)) {
      reportBadInput(("--" + Globs->ArgStr + "=" + *Globs).str(), Message);
      BadChecks = true;
    }
  if (!BadChecks && Checks.getNumOccurrences() &&
      !torchlint::enablesSomeCheck("-*," + Checks)) {
    reportBadInput("--checks=" + Checks, "enables no check");
    BadChecks = true;
  }
  if (BadChecks)
    return 2;

  if (SourcePaths.empty() && BuildPath.empty()) {
    WithColor::error(errs(), "torchlint")
        << "no source file given (and no -p build directory to take them "
           "from)\n";
    return 2;
  }
  if (!BaseCompilations) {
    auto Loaded = torchlint::loadCompilationDatabase(
        BuildPath, SourcePaths.empty() ? "" : SourcePaths.front());
    if (!Loaded) {
      WithColor::error(errs(), "torchlint")
          << toString(Loaded.takeError()) << "\n";
      return 2;
    }
    BaseCompilations = std::move(*Loaded);
    if (!BaseCompilations) // no database: the default flags alone
      BaseCompilations = std::make_unique<tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>());
  }
  DefaultFlagsCompilations Compilations(*BaseCompilations);
  std::vector<std::string> Sources(SourcePaths.begin(), SourcePaths.end());
  if (Sources.empty()) {
    Sources = libTorchFilesOf(Compilations);
    if (Sources.empty()) {
      reportBadInput(BuildPath, "no file of its compilation database "
                                "includes LibTorch");
      return 2;
    }
  } else if (LibTorchFilesOnly) {
    // The rule of the database's files above; a file that cannot be read is
    // reported as without the option.
    llvm::erase_if(Sources, [&](const std::string &File) {
      ErrorOr<bool> Uses = usesLibTorch(File, Compilations);
      return Uses && !*Uses;
    });
  }

  std::error_code OutputError;
  std::optional<raw_fd_ostream> OutputStream;
  if (!OutputFile.empty()) {
    OutputStream.emplace(OutputFile, OutputError, sys::fs::OF_TextWithCRLF);
    if (OutputError) {
      reportBadInput("--output=" + OutputFile,
                     "cannot write file: " + OutputError.message());
      return 2;
    }
  }
  torchlint::Report::Options ReportOptions;
  ReportOptions.Format = *ReportFormat;
  ReportOptions.ShowColors =
      !OutputStream && sys::Process::StandardOutHasColors();
  SmallString<256> Root(SourceRoot);
  sys::fs::make_absolute(Root);
  ReportOptions.SourceRoot = Root.str().str();
  torchlint::Report Report(ReportOptions,
                           OutputStream ? *OutputStream : outs());

  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,torch-*";
  // Findings in the project's own headers (models often live there) are
  // reported; LibTorch's headers never hold a finding.
  Defaults.HeaderFilterRegex = ".*";
  ClangTidyOptions Overrides;
  if (!Checks.empty())
    Overrides.Checks = "-*," + Checks;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  // The checks' global Confirm option; the later of the two flags wins.
  if (NoConfirm.getNumOccurrences() || Confirm.getNumOccurrences()) {
    bool On = NoConfirm.getPosition() > Confirm.getPosition() ? !NoConfirm
                                                              : Confirm;
    Overrides.CheckOptions["Confirm"] = On ? "true" : "false";
  }
  // .clang-tidy files that cannot be parsed: each reported once, and the
  // sources they govern are not analyzed.
  std::set<std::string> ConfigErrorsReported;

  auto BaseFS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::getRealFileSystem());
  std::optional<torchlint::PrefixCache> Cache;
  torchlint::FrontendOptions Frontend;
  Frontend.ParseLibraryBodies = ParseLibraryBodies;
  if (!NoCache && !ParseLibraryBodies) {
    std::string Dir =
        CacheDir.empty() ? torchlint::defaultCacheDirectory() : CacheDir;
    if (!Dir.empty())
      Frontend.Cache = &Cache.emplace(Dir, *CacheSize);
  }
  bool BadInput = false;
  unsigned Findings = 0, FindingsAsErrors = 0;
  torchlint::FixOutcome Fixes;
  // Inputs and configuration are checked here, in order; the analyses run
  // in parallel; their outcomes are reported in the input order again, so
  // the report does not depend on -j.
  std::vector<FileRun> Runs(Sources.size());
  for (size_t I = 0; I < Sources.size(); ++I) {
    FileRun &Run = Runs[I];
    const std::string &File = Run.File = Sources[I];
    if (std::optional<std::string> Problem = whyNotAnalyzable(File)) {
      Run.Problems.push_back({File, *Problem});
      continue;
    }
    SmallString<256> AbsoluteFile(File);
    sys::fs::make_absolute(AbsoluteFile);
    if (Compilations.getCompileCommands(AbsoluteFile).empty()) {
      Run.Problems.push_back(
          {File, "no compile command for it in the compilation database"});
      continue;
    }
    Run.ConfigErrors = std::make_unique<std::vector<torchlint::BadInput>>();
    Run.Context = std::make_unique<ClangTidyContext>(
        torchlint::strictOptionsProvider(GlobalOptions, Defaults, Overrides,
                                         BaseFS, *Run.ConfigErrors));
    Run.Context->getOptionsForFile(File);
    if (!Run.ConfigErrors->empty()) {
      for (const torchlint::BadInput &E : *Run.ConfigErrors)
        if (ConfigErrorsReported.insert(E.File).second)
          Run.Problems.push_back(E);
      Run.Problems.push_back(
          {File, "not analyzed: its .clang-tidy cannot be parsed"});
    }
  }
  unsigned ToAnalyze = llvm::count_if(
      Runs, [](const FileRun &Run) { return Run.Problems.empty(); });

  bool ShowProgress =
      !Quiet && ToAnalyze > 1 && sys::Process::StandardErrIsDisplayed();
  std::mutex ProgressMutex;
  unsigned Started = 0;
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    for (FileRun &Run : Runs) {
      if (!Run.Problems.empty())
        continue;
      Pool.async([&] {
        if (ShowProgress) {
          std::lock_guard<std::mutex> Lock(ProgressMutex);
          errs() << "[" << ++Started << "/" << ToAnalyze << "] " << Run.File
                 << "\n";
        }
        // Each thread reads files through its own file system object.
        auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
            vfs::getRealFileSystem());
        Run.Errors = torchlint::runChecks(*Run.Context, Compilations,
                                          Run.File, FS, Frontend);
      });
    }
    Pool.wait();
  }

  for (FileRun &Run : Runs) {
    if (!Run.Problems.empty()) {
      for (const torchlint::BadInput &Problem : Run.Problems)
        reportBadInput(Problem.File, Problem.Reason);
      BadInput = true;
      continue;
    }
    const std::string &File = Run.File;
    ClangTidyContext &Context = *Run.Context;
    std::vector<ClangTidyError> Errors = std::move(Run.Errors);
    // Those not already reported through another file (a shared header).
    Errors = Report.addTranslationUnit(Errors, BaseFS);
    const ClangTidyError *FirstCompilerError = nullptr;
    for (const ClangTidyError &E : Errors) {
      if (torchlint::isCompilerError(E) && !FirstCompilerError)
        FirstCompilerError = &E;
      if (StringRef(E.DiagnosticName).starts_with("torch-")) {
        ++Findings;
        FindingsAsErrors += E.IsWarningAsError;
      }
    }
    // As clang-tidy without --fix-errors: no edits to a file that does not
    // parse.
    if (ApplyFixes && !FirstCompilerError) {
      torchlint::FixOutcome Outcome = torchlint::applyFixes(Errors, Context);
      Fixes.Suggested += Outcome.Suggested;
      Fixes.Applied += Outcome.Applied;
      for (const torchlint::BadInput &E : Outcome.WriteErrors) {
        reportBadInput(E.File, E.Reason);
        BadInput = true;
      }
    }
    if (FirstCompilerError) {
      reportBadInput(File, "cannot be parsed: " +
                               FirstCompilerError->Message.Message);
      BadInput = true;
    }
  }
  for (const torchlint::BadInput &E : BadInputs)
    Report.addBadInput(E.File, E.Reason);
  Report.finish();
  if (OutputStream) {
    OutputStream->close();
    if (OutputStream->has_error()) {
      reportBadInput("--output=" + OutputFile,
                     "cannot write file: " + OutputStream->error().message());
      OutputStream->clear_error();
      BadInput = true;
    }
  }
  outs().flush();
  if (Fixes.Suggested)
    errs() << "torchlint applied " << Fixes.Applied << " of " << Fixes.Suggested
           << " suggested fixes.\n";
  if (FindingsAsErrors)
    errs() << FindingsAsErrors << " warning"
           << (FindingsAsErrors == 1 ? "" : "s") << " treated as error"
           << (FindingsAsErrors == 1 ? "" : "s") << "\n";
  if (!ExportFixes.empty()) {
    std::vector<ClangTidyError> Exported;
    for (const ClangTidyError &E : Report.errors())
      if (!torchlint::isCompilerError(E))
        Exported.push_back(E);
    std::error_code EC;
    raw_fd_ostream YAML(ExportFixes, EC, sys::fs::OF_TextWithCRLF);
    if (EC) {
      reportBadInput("--export-fixes=" + ExportFixes,
                     "cannot write file: " + EC.message());
      return 2;
    }
    exportReplacements(Sources.empty() ? "" : Sources.front(), Exported, YAML);
  }
  if (BadInput)
    return 2;
  return Findings ? 1 : 0;
}
