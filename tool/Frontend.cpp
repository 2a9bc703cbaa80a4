//===--- Frontend.cpp - How torchlint parses and checks one file ----------===//

#include "Frontend.h"
#include "LibTorchApi.h"
#include "TypeTables.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace torchlint {

bool isCompilerError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error &&
         StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

namespace {

/// clang-tidy's consumer, with what the checks never read left out: the
/// bodies of LibTorch's and the standard library's functions are not parsed
/// (most of the cost of a LibTorch file), and the matchers walk only the
/// declarations outside the libraries (in LLVM 19 they would otherwise walk
/// every header, which costs more than a cached parse).
class UserCodeConsumer : public MultiplexConsumer {
public:
  using MultiplexConsumer::MultiplexConsumer;

  bool shouldSkipFunctionBody(Decl *D) override {
    return api::isLibraryDecl(D);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    std::vector<Decl *> UserDecls;
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (!api::isLibraryDecl(D))
        UserDecls.push_back(D);
    Ctx.setTraversalScope(UserDecls);
    MultiplexConsumer::HandleTranslationUnit(Ctx);
  }
};

class UserCodeAction : public ASTFrontendAction {
public:
  explicit UserCodeAction(ClangTidyASTConsumerFactory &Factory)
      : Factory(Factory) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    if (CI.getPreprocessorOpts().ImplicitPCHInclude.empty())
      reserveTypeTablesForLibTorch(CI.getASTContext());
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(Factory.createASTConsumer(CI, File));
    return std::make_unique<UserCodeConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
};

class UserCodeActionFactory : public tooling::FrontendActionFactory {
public:
  UserCodeActionFactory(ClangTidyContext &Context,
                        IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS)
      : Consumers(Context, std::move(BaseFS)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<UserCodeAction>(Consumers);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    // As clang-tidy does: code may test for static analysis.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // No "N warnings generated.": the report says what was found.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH, Diags);
  }

private:
  ClangTidyASTConsumerFactory Consumers;
};

/// The arguments .clang-tidy adds (ExtraArgs, ExtraArgsBefore), as
/// clang-tidy adds them.
tooling::ArgumentsAdjuster tidyExtraArgsAdjuster(ClangTidyContext &Context) {
  return [&Context](const tooling::CommandLineArguments &Args,
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
  };
}

/// One run of the checks on File, with a precompiled prefix if PCH is set.
std::vector<ClangTidyError> runOnce(
    ClangTidyContext &Context, const tooling::CompilationDatabase &Compilations,
    const std::string &File, IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS,
    const std::optional<std::string> &PCH) {
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), BaseFS);
  Tool.appendArgumentsAdjuster(tidyExtraArgsAdjuster(Context));
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  if (PCH)
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        {"-include-pch", *PCH}, tooling::ArgumentInsertPosition::END));

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr, true,
                                           /*RemoveIncompatibleErrors=*/false);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  // A file that does not parse is reported once, by the caller.
  Tool.setPrintErrorMessage(false);
  UserCodeActionFactory ActionFactory(Context, BaseFS);
  Tool.run(&ActionFactory);
  return DiagConsumer.take();
}

/// The command File will be parsed with, as ClangTool will build it.
std::optional<tooling::CompileCommand>
parseCommand(ClangTidyContext &Context,
             const tooling::CompilationDatabase &Compilations,
             const std::string &File) {
  std::vector<tooling::CompileCommand> Commands =
      Compilations.getCompileCommands(File);
  if (Commands.empty())
    return std::nullopt;
  tooling::CompileCommand Command = Commands.front();
  tooling::ArgumentsAdjuster Adjust = tooling::combineAdjusters(
      tooling::combineAdjusters(tooling::getClangSyntaxOnlyAdjuster(),
                                tooling::getClangStripOutputAdjuster()),
      tooling::combineAdjusters(
          tooling::getClangStripDependencyFileAdjuster(),
          tooling::combineAdjusters(tidyExtraArgsAdjuster(Context),
                                    tooling::getStripPluginsAdjuster())));
  Command.CommandLine = Adjust(Command.CommandLine, File);
  return Command;
}

bool hasCompilerError(const std::vector<ClangTidyError> &Errors) {
  return llvm::any_of(Errors, isCompilerError);
}

/// Whether a compiler error may come from the precompiled prefix rather than
/// from the file: one outside the file, or with no location (a precompiled
/// header that cannot be read). An error in the file itself (a typo, a
/// missing header) is the same with and without the prefix.
bool mayBeCacheError(const std::vector<ClangTidyError> &Errors,
                     StringRef File) {
  return llvm::any_of(Errors, [File](const ClangTidyError &E) {
    return isCompilerError(E) && !sys::fs::equivalent(E.Message.FilePath, File);
  });
}

} // namespace

std::vector<ClangTidyError> runChecks(
    ClangTidyContext &Context, const tooling::CompilationDatabase &Compilations,
    const std::string &File, IntrusiveRefCntPtr<vfs::OverlayFileSystem> BaseFS,
    const FrontendOptions &Options) {
  if (Options.ParseLibraryBodies)
    return runClangTidy(Context, Compilations, File, BaseFS,
                        /*ApplyAnyFix=*/false);

  std::optional<std::string> PCH;
  if (Options.Cache)
    if (auto Command = parseCommand(Context, Compilations, File))
      if (auto Source = MemoryBuffer::getFile(File))
        PCH = Options.Cache->lookup(*Command, (*Source)->getBuffer());
  std::vector<ClangTidyError> Errors =
      runOnce(Context, Compilations, File, BaseFS, PCH);
  if (!PCH || !mayBeCacheError(Errors, File))
    return Errors;
  // The entry may be stale or damaged in a way its records do not show: the
  // file is analyzed again without it, and if that parses, the entry was at
  // fault and goes.
  std::vector<ClangTidyError> Uncached =
      runOnce(Context, Compilations, File, BaseFS, std::nullopt);
  if (!hasCompilerError(Uncached)) {
    auto Reason = llvm::find_if(Errors, isCompilerError);
    Options.Cache->warn("cannot use cache entry '" + *PCH +
                        "' (it will be rebuilt): " + Reason->Message.Message);
    Options.Cache->discard(*PCH);
  }
  return Uncached;
}

} // namespace torchlint
