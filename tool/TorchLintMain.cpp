//===--- TorchLintMain.cpp - The torchlint command-line tool --------------===//
//
// A thin front door over clang-tidy's engine with the torch- checks linked
// in: it validates the inputs, runs the checks file by file, prints clang-tidy's
// diagnostics and turns the outcome into an exit status (0 clean, 1 findings,
// 2 usage error or an input that cannot be read or parsed).
//
//===----------------------------------------------------------------------===//

#include "LibTorchApi.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

static cl::OptionCategory TorchLintCategory("torchlint options");

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

static cl::opt<bool> ParseLibraryBodies(
    "parse-library-bodies",
    cl::desc("Parse the bodies of LibTorch's and the standard library's "
             "functions too (slower; the findings are the same)"),
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

Exit status: 0 no findings, 1 findings, 2 usage error or a file that cannot
be read or parsed.
)");

/// The include directory of LibTorch's C++ frontend, when installed the way
/// Debian's libtorch-dev installs it: added to commands that lack it so that
/// `torchlint file.cpp` works without a compilation database.
static constexpr llvm::StringLiteral LibTorchApiInclude =
    "/usr/include/torch/csrc/api/include";

static tooling::ArgumentsAdjuster defaultFlagsAdjuster() {
  return [](const tooling::CommandLineArguments &Args, StringRef) {
    tooling::CommandLineArguments Out = Args;
    bool HasResourceDir = false, HasTorchInclude = false;
    for (const std::string &A : Args) {
      HasResourceDir |= StringRef(A).starts_with("-resource-dir");
      HasTorchInclude |= StringRef(A).contains("torch/csrc/api/include");
    }
    if (!HasResourceDir)
      Out.push_back("-resource-dir=" TORCHLINT_CLANG_RESOURCE_DIR);
    if (!HasTorchInclude && sys::fs::is_directory(LibTorchApiInclude))
      Out.push_back(("-I" + LibTorchApiInclude).str());
    return Out;
  };
}

/// The user's compilation database with torchlint's default flags added.
class DefaultFlagsCompilations : public tooling::CompilationDatabase {
public:
  explicit DefaultFlagsCompilations(const tooling::CompilationDatabase &Base)
      : Base(Base), Adjust(defaultFlagsAdjuster()) {}

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

/// clang-tidy's consumer, plus the decision to skip the bodies of LibTorch's
/// and the standard library's functions: the checks never read them, and
/// parsing and instantiating them is most of the cost of a LibTorch file.
class LibraryBodySkipper : public MultiplexConsumer {
public:
  using MultiplexConsumer::MultiplexConsumer;
  bool shouldSkipFunctionBody(Decl *D) override {
    return torchlint::api::isLibraryDecl(D);
  }
};

/// runClangTidy() of clang-tidy, with the library bodies skipped.
static std::vector<ClangTidyError>
runChecks(ClangTidyContext &Context,
          const tooling::CompilationDatabase &Compilations,
          const std::string &File,
          IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS) {
  if (ParseLibraryBodies)
    return runClangTidy(Context, Compilations, File, BaseFS,
                        /*ApplyAnyFix=*/false);
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), BaseFS);
  // Extra arguments from .clang-tidy, as clang-tidy adds them.
  Tool.appendArgumentsAdjuster([&Context](
                                   const tooling::CommandLineArguments &Args,
                                   StringRef Filename) {
    ClangTidyOptions Opts = Context.getOptionsForFile(Filename);
    tooling::CommandLineArguments Adjusted = Args;
    if (Opts.ExtraArgsBefore) {
      auto I = Adjusted.begin();
      if (I != Adjusted.end() && !StringRef(*I).starts_with("-"))
        ++I; // the compiler's name
      Adjusted.insert(I, Opts.ExtraArgsBefore->begin(),
                      Opts.ExtraArgsBefore->end());
    }
    if (Opts.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                      Opts.ExtraArgs->end());
    return Adjusted;
  });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr, true,
                                           /*RemoveIncompatibleErrors=*/false);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);

  class Action : public ASTFrontendAction {
  public:
    explicit Action(ClangTidyASTConsumerFactory &Factory) : Factory(Factory) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      CI.getFrontendOpts().SkipFunctionBodies = true;
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(Factory.createASTConsumer(CI, File));
      return std::make_unique<LibraryBodySkipper>(std::move(Consumers));
    }

  private:
    ClangTidyASTConsumerFactory &Factory;
  };
  class Factory : public tooling::FrontendActionFactory {
  public:
    Factory(ClangTidyContext &Context,
            IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS)
        : Consumers(Context, std::move(BaseFS)) {}
    std::unique_ptr<FrontendAction> create() override {
      return std::make_unique<Action>(Consumers);
    }
    bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                       FileManager *Files,
                       std::shared_ptr<PCHContainerOperations> PCH,
                       DiagnosticConsumer *Diags) override {
      // As clang-tidy does: code may test for static analysis.
      Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
      return FrontendActionFactory::runInvocation(Invocation, Files, PCH,
                                                  Diags);
    }

  private:
    ClangTidyASTConsumerFactory Consumers;
  } ActionFactory(Context, BaseFS);
  Tool.run(&ActionFactory);
  return DiagConsumer.take();
}

static void reportBadInput(StringRef File, const Twine &Reason) {
  WithColor::error(errs(), "torchlint") << File << ": " << Reason << "\n";
}

/// Checks that a path names a readable, non-empty regular file.
static bool isAnalyzableFile(StringRef File) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(File, Status)) {
    reportBadInput(File, "cannot read file: " + EC.message());
    return false;
  }
  if (sys::fs::is_directory(Status)) {
    reportBadInput(File, "is a directory, not a source file");
    return false;
  }
  auto Buffer = MemoryBuffer::getFile(File);
  if (!Buffer) {
    reportBadInput(File, "cannot read file: " + Buffer.getError().message());
    return false;
  }
  if ((*Buffer)->getBufferSize() == 0) {
    reportBadInput(File, "file is empty");
    return false;
  }
  return true;
}

static bool isCompilerError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error &&
         StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "torchlint " TORCHLINT_VERSION " (LibTorch loss-contract checks, "
          "clang-tidy engine of LLVM " LLVM_VERSION_STRING ")\n";
  });
  auto Parser = tooling::CommonOptionsParser::create(
      argc, argv, TorchLintCategory, cl::OneOrMore,
      "torchlint: static checks for LibTorch loss contracts");
  if (!Parser) {
    // The message already names the tool and says what to do.
    errs() << toString(Parser.takeError());
    return 2;
  }

  DefaultFlagsCompilations Compilations(Parser->getCompilations());

  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,torch-*";
  // Findings in the project's own headers (models often live there) are
  // reported; LibTorch's headers never hold a finding.
  Defaults.HeaderFilterRegex = ".*";
  ClangTidyOptions Overrides;
  if (!Checks.empty())
    Overrides.Checks = "-*," + Checks;

  auto BaseFS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::getRealFileSystem());
  bool BadInput = false;
  unsigned Findings = 0;
  for (const std::string &File : Parser->getSourcePathList()) {
    if (!isAnalyzableFile(File)) {
      BadInput = true;
      continue;
    }
    ClangTidyContext Context(std::make_unique<FileOptionsProvider>(
        GlobalOptions, Defaults, Overrides, BaseFS));
    std::vector<ClangTidyError> Errors =
        runChecks(Context, Compilations, File, BaseFS);
    const ClangTidyError *FirstCompilerError = nullptr;
    for (const ClangTidyError &E : Errors) {
      if (isCompilerError(E) && !FirstCompilerError)
        FirstCompilerError = &E;
      if (StringRef(E.DiagnosticName).starts_with("torch-"))
        ++Findings;
    }
    unsigned WarningsAsErrors = 0;
    handleErrors(Errors, Context, ApplyFixes ? FB_Fix : FB_NoFix,
                 WarningsAsErrors, BaseFS);
    if (FirstCompilerError) {
      reportBadInput(File, "cannot be parsed: " +
                               FirstCompilerError->Message.Message);
      BadInput = true;
    }
  }
  outs().flush();
  if (BadInput)
    return 2;
  return Findings ? 1 : 0;
}
