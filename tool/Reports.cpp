//===--- Reports.cpp - torchlint's report formats -------------------------===//

#include "Reports.h"
#include "AtomicFile.h"
#include "Frontend.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Format/Format.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace torchlint {

namespace {

/// A page of docs/checks/, embedded at build time (tool/EmbedCheckDocs.cmake).
struct CheckDoc {
  const char *Check;
  const char *Markdown;
};

const CheckDoc CheckDocs[] = {
#include "CheckDocs.inc"
};

StringRef docOf(StringRef Check) {
  for (const CheckDoc &D : CheckDocs)
    if (Check == D.Check)
      return D.Markdown;
  return {};
}

/// The first paragraph after a page's title, on one line, without the
/// backquotes of inline code.
std::string summaryOf(StringRef Markdown) {
  SmallVector<StringRef, 0> Lines;
  Markdown.split(Lines, '\n');
  std::string Out;
  for (StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.starts_with("#"))
      continue;
    if (Line.empty()) {
      if (!Out.empty())
        break;
      continue;
    }
    if (!Out.empty())
      Out += ' ';
    Out += Line;
  }
  llvm::erase(Out, '`');
  return Out;
}

/// The first sentence of \p Text.
std::string firstSentence(StringRef Text) {
  size_t End = Text.find(". ");
  return (End == StringRef::npos ? Text : Text.take_front(End + 1)).str();
}

/// The names of the checks linked into this binary, sorted.
std::vector<std::string> registeredChecks() {
  ClangTidyCheckFactories Factories;
  for (const ClangTidyModuleRegistry::entry &E :
       ClangTidyModuleRegistry::entries())
    E.instantiate()->addCheckFactories(Factories);
  std::vector<std::string> Names;
  for (const auto &F : Factories)
    Names.push_back(F.getKey().str());
  llvm::sort(Names);
  return Names;
}

std::string validUtf8(StringRef S) {
  return json::isUTF8(S) ? S.str() : json::fixUTF8(S);
}

/// The files of one translation unit, read once, to resolve offsets into
/// lines and columns and to print clang's text diagnostics.
class SourceFiles {
public:
  SourceFiles(IntrusiveRefCntPtr<vfs::FileSystem> FS,
              DiagnosticConsumer *Printer, DiagnosticOptions *DiagOpts)
      : Files(FileSystemOptions(), std::move(FS)),
        Diags(new DiagnosticIDs, DiagOpts,
              Printer ? Printer : new IgnoringDiagConsumer,
              /*ShouldOwnClient=*/!Printer),
        SM(Diags, Files) {}

  SourceLocation location(StringRef Path, unsigned Offset) {
    if (Path.empty())
      return {};
    auto File = Files.getOptionalFileRef(Path);
    if (!File)
      return {};
    FileID ID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
    if (Offset > SM.getBufferData(ID).size())
      return {};
    return SM.getLocForStartOfFile(ID).getLocWithOffset(Offset);
  }

  CharSourceRange range(const tooling::FileByteRange &R) {
    SmallString<128> Path(R.FilePath);
    Files.makeAbsolutePath(Path);
    SourceLocation Begin = location(Path, R.FileOffset);
    return CharSourceRange::getCharRange(Begin,
                                         Begin.getLocWithOffset(R.Length));
  }

  SourcePlace place(StringRef Path, unsigned Offset) {
    SourcePlace P;
    SourceLocation Loc = location(Path, Offset);
    if (Loc.isInvalid())
      return P;
    SmallString<256> Abs(Path);
    Files.makeAbsolutePath(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    P.File = Abs.str().str();
    P.Offset = Offset;
    FileID ID = SM.getFileID(Loc);
    P.Line = SM.getLineNumber(ID, Offset);
    P.Column = SM.getColumnNumber(ID, Offset);
    StringRef Prefix =
        SM.getBufferData(ID).substr(Offset - (P.Column - 1), P.Column - 1);
    P.Utf16Column = 1;
    for (size_t I = 0; I < Prefix.size();) {
      unsigned Len = getNumBytesForUTF8(Prefix[I]);
      if (Len == 0 || I + Len > Prefix.size())
        Len = 1; // not UTF-8: a byte is a unit
      P.Utf16Column += Len == 4 ? 2 : 1;
      I += Len;
    }
    return P;
  }

  DiagnosticsEngine &diags() { return Diags; }

private:
  FileManager Files;
  DiagnosticsEngine Diags;
  SourceManager SM;
};

ReportFinding resolve(const ClangTidyError &E, SourceFiles &Sources) {
  ReportFinding F;
  F.Check = E.DiagnosticName;
  F.IsError = E.IsWarningAsError || E.DiagLevel == ClangTidyError::Error;
  F.Message = E.Message.Message;
  F.Place = Sources.place(E.Message.FilePath, E.Message.FileOffset);
  for (const tooling::DiagnosticMessage &N : E.Notes) {
    F.Notes.push_back({N.Message, Sources.place(N.FilePath, N.FileOffset)});
    StringRef Text = N.Message;
    if (!F.Confirmed &&
        (Text.starts_with("confirmed ") || Text.starts_with("unconfirmed"))) {
      F.Confirmed = Text.starts_with("confirmed ");
      F.ConfirmationMessage = N.Message;
    }
  }
  for (const auto &FileAndReplacements : E.Message.Fix)
    for (const tooling::Replacement &R : FileAndReplacements.second) {
      if (!R.isApplicable())
        continue;
      ReportEdit Edit;
      Edit.Begin = Sources.place(R.getFilePath(), R.getOffset());
      Edit.End = Sources.place(R.getFilePath(), R.getOffset() + R.getLength());
      Edit.Replacement = R.getReplacementText().str();
      if (Edit.Begin.isValid() && Edit.End.isValid())
        F.Fix.push_back(std::move(Edit));
    }
  return F;
}

/// \p Path relative to \p Root if it lies under it.
std::optional<std::string> relativeTo(StringRef Path, StringRef Root) {
  if (Root.empty())
    return std::nullopt;
  SmallString<256> R(Root);
  sys::path::remove_dots(R, /*remove_dot_dot=*/true);
  if (!Path.consume_front(R))
    return std::nullopt;
  if (!R.ends_with("/") && !Path.consume_front("/"))
    return std::nullopt;
  return Path.str();
}

/// Percent-encodes what RFC 3986 does not allow in a path.
std::string uriPath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/!$&'()*+,;=:@").contains(C)) {
      Out += C;
    } else {
      Out += '%';
      Out += hexdigit(C >> 4, /*LowerCase=*/false);
      Out += hexdigit(C & 15, /*LowerCase=*/false);
    }
  }
  return Out;
}

std::string fileUri(StringRef AbsolutePath) {
  return "file://" + uriPath(AbsolutePath);
}

/// \p Path made absolute against \p BuildDir, the directory the file was
/// compiled in (the current directory if empty).
std::string absolutePath(StringRef Path, StringRef BuildDir) {
  if (Path.empty() || sys::path::is_absolute(Path))
    return Path.str();
  SmallString<256> Abs(BuildDir);
  if (Abs.empty())
    sys::fs::current_path(Abs);
  sys::path::append(Abs, Path);
  return Abs.str().str();
}

/// \p E with every path absolute: the engine names files relative to the
/// directory of their compile command.
ClangTidyError withAbsolutePaths(ClangTidyError E) {
  auto Fix = [&](tooling::DiagnosticMessage &M) {
    M.FilePath = absolutePath(M.FilePath, E.BuildDirectory);
    for (tooling::FileByteRange &R : M.Ranges)
      R.FilePath = absolutePath(R.FilePath, E.BuildDirectory);
    StringMap<tooling::Replacements> Fixes;
    for (const auto &FileAndReplacements : M.Fix) {
      std::string File =
          absolutePath(FileAndReplacements.first(), E.BuildDirectory);
      tooling::Replacements &Set = Fixes[File];
      for (const tooling::Replacement &R : FileAndReplacements.second) {
        tooling::Replacement Abs(
            R.isApplicable() ? absolutePath(R.getFilePath(), E.BuildDirectory)
                             : R.getFilePath().str(),
            R.getOffset(), R.getLength(), R.getReplacementText());
        // The set was valid: the same edits with another path stay so.
        consumeError(Set.add(Abs));
      }
    }
    M.Fix = std::move(Fixes);
  };
  Fix(E.Message);
  for (tooling::DiagnosticMessage &N : E.Notes)
    Fix(N);
  return E;
}

} // namespace

std::optional<ReportFormat> parseReportFormat(StringRef Name) {
  if (Name == "text")
    return ReportFormat::Text;
  if (Name == "json")
    return ReportFormat::Json;
  if (Name == "sarif")
    return ReportFormat::Sarif;
  return std::nullopt;
}

Report::Report(Options Opts, raw_ostream &OS) : Opts(std::move(Opts)), OS(OS) {}

std::vector<ClangTidyError>
Report::addTranslationUnit(ArrayRef<ClangTidyError> Errors,
                           IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  std::vector<ClangTidyError> New;
  for (const ClangTidyError &Original : Errors) {
    ClangTidyError E = withAbsolutePaths(Original);
    // The identity clang-tidy uses to drop duplicates.
    if (Seen.emplace(E.Message.FilePath, E.Message.FileOffset, E.DiagnosticName,
                     E.Message.Message)
            .second)
      New.push_back(std::move(E));
  }
  AllErrors.insert(AllErrors.end(), New.begin(), New.end());
  if (Opts.Format == ReportFormat::Text) {
    printText(New, FS);
    return New;
  }
  SourceFiles Sources(FS, nullptr, new DiagnosticOptions);
  for (const ClangTidyError &E : New)
    if (!isCompilerError(E))
      Findings.push_back(resolve(E, Sources));
  return New;
}

void Report::addBadInput(StringRef File, StringRef Reason) {
  SmallString<256> Path(File);
  if (!File.starts_with("-")) { // not an option (--format=...)
    sys::fs::make_absolute(Path);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  }
  BadInputs.push_back({Path.str().str(), Reason.str()});
}

/// clang-tidy's ErrorReporter, printing to any stream and leaving the fix-its
/// to applyFixes().
void Report::printText(ArrayRef<ClangTidyError> Errors,
                       IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  if (Errors.empty())
    return;
  IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions;
  DiagOpts->ShowColors = Opts.ShowColors;
  TextDiagnosticPrinter Printer(OS, DiagOpts.get());
  SourceFiles Sources(FS, &Printer, DiagOpts.get());
  DiagnosticsEngine &Diags = Sources.diags();
  LangOptions LangOpts;
  Printer.BeginSourceFile(LangOpts, nullptr);
  auto AddFix = [&](DiagnosticBuilder &Diag,
                    const StringMap<tooling::Replacements> &Fix) {
    for (const auto &FileAndReplacements : Fix)
      for (const tooling::Replacement &R : FileAndReplacements.second) {
        if (!R.isApplicable())
          continue;
        tooling::FileByteRange FBR;
        FBR.FilePath = R.getFilePath().str();
        FBR.FileOffset = R.getOffset();
        FBR.Length = R.getLength();
        Diag << FixItHint::CreateReplacement(Sources.range(FBR),
                                             R.getReplacementText());
      }
  };
  for (const ClangTidyError &E : Errors) {
    {
      auto Level = static_cast<DiagnosticsEngine::Level>(E.DiagLevel);
      std::string Name = E.DiagnosticName;
      if (!E.EnabledDiagnosticAliases.empty())
        Name += "," + join(E.EnabledDiagnosticAliases, ",");
      if (E.IsWarningAsError) {
        Name += ",-warnings-as-errors";
        Level = DiagnosticsEngine::Error;
      }
      DiagnosticBuilder Diag =
          Diags.Report(
              Sources.location(E.Message.FilePath, E.Message.FileOffset),
              Diags.getCustomDiagID(Level, "%0 [%1]"))
          << E.Message.Message << Name;
      for (const tooling::FileByteRange &FBR : E.Message.Ranges)
        Diag << Sources.range(FBR);
      AddFix(Diag, E.Message.Fix);
    }
    for (const tooling::DiagnosticMessage &Note : E.Notes) {
      DiagnosticBuilder Diag =
          Diags.Report(Sources.location(Note.FilePath, Note.FileOffset),
                       Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0"))
          << Note.Message;
      for (const tooling::FileByteRange &FBR : Note.Ranges)
        Diag << Sources.range(FBR);
      AddFix(Diag, Note.Fix);
    }
  }
  Printer.EndSourceFile();
  OS.flush();
}

void Report::finish() {
  if (Opts.Format == ReportFormat::Json)
    writeJson();
  else if (Opts.Format == ReportFormat::Sarif)
    writeSarif();
  OS.flush();
}

//===----------------------------------------------------------------------===//
// JSON: the shape is documented in docs/reports.md; keep them in step.
//===----------------------------------------------------------------------===//

static void jsonPlace(json::OStream &J, const SourcePlace &P) {
  J.object([&] {
    J.attribute("file", validUtf8(P.File));
    J.attribute("line", P.Line);
    J.attribute("column", P.Column);
    J.attribute("offset", P.Offset);
  });
}

void Report::writeJson() {
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attributeObject("tool", [&] {
      J.attribute("name", "torchlint");
      J.attribute("version", TORCHLINT_VERSION);
    });
    J.attributeArray("findings", [&] {
      for (const ReportFinding &F : Findings)
        J.object([&] {
          J.attribute("check", F.Check);
          J.attribute("severity", F.IsError ? "error" : "warning");
          J.attribute("message", validUtf8(F.Message));
          J.attributeBegin("location");
          if (F.Place.isValid())
            jsonPlace(J, F.Place);
          else
            J.value(nullptr);
          J.attributeEnd();
          J.attributeArray("notes", [&] {
            for (const ReportNote &N : F.Notes)
              J.object([&] {
                J.attribute("message", validUtf8(N.Message));
                J.attributeBegin("location");
                if (N.Place.isValid())
                  jsonPlace(J, N.Place);
                else
                  J.value(nullptr);
                J.attributeEnd();
              });
          });
          J.attributeBegin("confirmation");
          if (F.Confirmed)
            J.object([&] {
              J.attribute("confirmed", *F.Confirmed);
              J.attribute("message", validUtf8(F.ConfirmationMessage));
            });
          else
            J.value(nullptr);
          J.attributeEnd();
          J.attributeArray("fix", [&] {
            for (const ReportEdit &E : F.Fix)
              J.object([&] {
                J.attribute("file", validUtf8(E.Begin.File));
                J.attribute("offset", E.Begin.Offset);
                J.attribute("length", E.End.Offset - E.Begin.Offset);
                J.attribute("replacement", validUtf8(E.Replacement));
                J.attributeObject("begin", [&] {
                  J.attribute("line", E.Begin.Line);
                  J.attribute("column", E.Begin.Column);
                });
                J.attributeObject("end", [&] {
                  J.attribute("line", E.End.Line);
                  J.attribute("column", E.End.Column);
                });
              });
          });
        });
    });
    J.attributeArray("errors", [&] {
      for (const BadInput &B : BadInputs)
        J.object([&] {
          J.attribute("file", validUtf8(B.File));
          J.attribute("message", validUtf8(B.Reason));
        });
    });
  });
  OS << "\n";
}

//===----------------------------------------------------------------------===//
// SARIF 2.1.0, as GitHub code scanning reads it.
//===----------------------------------------------------------------------===//

/// The address of torchlint's documentation, the driver's informationUri.
static constexpr StringLiteral InformationUri = TORCHLINT_INFORMATION_URI;

void Report::writeSarif() {
  SmallString<256> Root(Opts.SourceRoot);
  sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  if (!Root.ends_with("/"))
    Root += "/";

  auto ArtifactLocation = [&](StringRef File) {
    json::Object L;
    if (std::optional<std::string> Rel = relativeTo(File, Root)) {
      L["uri"] = uriPath(*Rel);
      L["uriBaseId"] = "SRCROOT";
    } else {
      L["uri"] = fileUri(File);
    }
    return L;
  };
  auto Region = [](const SourcePlace &Begin, const SourcePlace *End) {
    json::Object R{{"startLine", Begin.Line},
                   {"startColumn", Begin.Utf16Column}};
    if (End) {
      R["endLine"] = End->Line;
      R["endColumn"] = End->Utf16Column;
    }
    return R;
  };
  auto PhysicalLocation = [&](const SourcePlace &P) {
    return json::Object{{"artifactLocation", ArtifactLocation(P.File)},
                        {"region", Region(P, nullptr)}};
  };
  auto Message = [](StringRef Text) {
    return json::Object{{"text", validUtf8(Text)}};
  };

  std::vector<std::string> Checks = registeredChecks();
  json::Array Rules;
  for (const std::string &Check : Checks) {
    StringRef Doc = docOf(Check);
    std::string Summary = Doc.empty() ? Check : summaryOf(Doc);
    json::Object Rule{
        {"id", Check},
        {"shortDescription", Message(firstSentence(Summary))},
        {"fullDescription", Message(Summary)},
        {"defaultConfiguration", json::Object{{"level", "warning"}}},
        {"properties",
         json::Object{{"tags", json::Array{"libtorch", "correctness"}}}}};
    if (!Doc.empty())
      Rule["help"] = json::Object{{"text", Doc}, {"markdown", Doc}};
    Rules.push_back(std::move(Rule));
  }

  json::Array Results;
  for (const ReportFinding &F : Findings) {
    json::Object Result{{"ruleId", F.Check},
                        {"level", F.IsError ? "error" : "warning"},
                        {"message", Message(F.Message)}};
    auto Rule = llvm::find(Checks, F.Check);
    if (Rule != Checks.end())
      Result["ruleIndex"] = Rule - Checks.begin();
    if (F.Place.isValid())
      Result["locations"] = json::Array{
          json::Object{{"physicalLocation", PhysicalLocation(F.Place)}}};
    json::Array Related;
    for (const ReportNote &N : F.Notes) {
      json::Object L{{"id", static_cast<int64_t>(Related.size())},
                     {"message", Message(N.Message)}};
      if (N.Place.isValid())
        L["physicalLocation"] = PhysicalLocation(N.Place);
      Related.push_back(std::move(L));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (F.Confirmed)
      Result["properties"] = json::Object{
          {"confirmation",
           json::Object{{"confirmed", *F.Confirmed},
                        {"message", validUtf8(F.ConfirmationMessage)}}}};
    if (!F.Fix.empty()) {
      // One artifactChange per file, its replacements in order.
      json::Array Changes;
      std::vector<std::string> Files;
      for (const ReportEdit &E : F.Fix)
        if (!llvm::is_contained(Files, E.Begin.File))
          Files.push_back(E.Begin.File);
      for (const std::string &File : Files) {
        json::Array Replacements;
        for (const ReportEdit &E : F.Fix)
          if (E.Begin.File == File)
            Replacements.push_back(json::Object{
                {"deletedRegion", Region(E.Begin, &E.End)},
                {"insertedContent",
                 json::Object{{"text", validUtf8(E.Replacement)}}}});
        Changes.push_back(
            json::Object{{"artifactLocation", ArtifactLocation(File)},
                         {"replacements", std::move(Replacements)}});
      }
      Result["fixes"] = json::Array{
          json::Object{{"description", Message("apply torchlint's fix-it")},
                       {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  json::Array Notifications;
  for (const BadInput &B : BadInputs) {
    json::Object N{{"level", "error"}, {"message", Message(B.Reason)}};
    N["locations"] = json::Array{json::Object{
        {"physicalLocation",
         json::Object{{"artifactLocation", ArtifactLocation(B.File)}}}}};
    Notifications.push_back(std::move(N));
  }
  json::Object Invocation{{"executionSuccessful", BadInputs.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  json::Object Driver{{"name", "torchlint"},
                      {"version", TORCHLINT_VERSION},
                      {"semanticVersion", TORCHLINT_VERSION},
                      {"informationUri", InformationUri},
                      {"rules", std::move(Rules)}};
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{{"SRCROOT", json::Object{{"uri", fileUri(Root)}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"invocations", json::Array{std::move(Invocation)}},
      {"results", std::move(Results)}};
  json::Object Log{{"$schema",
                    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/"
                    "os/schemas/sarif-schema-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(Run)}}};
  OS << formatv("{0:2}", json::Value(std::move(Log))) << "\n";
}

//===----------------------------------------------------------------------===//
// Fix-its
//===----------------------------------------------------------------------===//

FixOutcome applyFixes(ArrayRef<ClangTidyError> Errors,
                      ClangTidyContext &Context) {
  FixOutcome Outcome;
  // Per file, with conflicts resolved as clang-tidy resolves them.
  std::map<std::string, tooling::Replacements> PerFile;
  for (const ClangTidyError &E : Errors) {
    if (isCompilerError(E))
      continue;
    for (const auto &FileAndReplacements : E.Message.Fix)
      for (const tooling::Replacement &Repl : FileAndReplacements.second) {
        ++Outcome.Suggested;
        if (!Repl.isApplicable())
          continue;
        SmallString<256> Path(Repl.getFilePath());
        sys::fs::make_absolute(Path);
        sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
        tooling::Replacement R(Path, Repl.getOffset(), Repl.getLength(),
                               Repl.getReplacementText());
        tooling::Replacements &Set = PerFile[Path.str().str()];
        Error Conflict = Set.add(R);
        if (!Conflict) {
          ++Outcome.Applied;
          continue;
        }
        consumeError(std::move(Conflict));
        unsigned Begin = Set.getShiftedCodePosition(R.getOffset());
        unsigned End =
            Set.getShiftedCodePosition(R.getOffset() + R.getLength());
        if (End - Begin != R.getLength())
          continue; // overlaps an edit already chosen: skipped
        Set = Set.merge(tooling::Replacements(tooling::Replacement(
            R.getFilePath(), Begin, End - Begin, R.getReplacementText())));
        ++Outcome.Applied;
      }
  }

  for (const auto &[File, Replacements] : PerFile) {
    auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Outcome.WriteErrors.push_back(
          {File, "cannot read file: " + Buffer.getError().message()});
      continue;
    }
    StringRef Code = (*Buffer)->getBuffer();
    tooling::Replacements Final = Replacements;
    auto Style = format::getStyle(*Context.getOptionsForFile(File).FormatStyle,
                                  File, "none");
    if (Style) {
      if (auto Cleaned =
              format::cleanupAroundReplacements(Code, Final, *Style)) {
        Final = std::move(*Cleaned);
        if (auto Formatted = format::formatReplacements(Code, Final, *Style))
          Final = std::move(*Formatted);
        else
          consumeError(Formatted.takeError());
      } else {
        consumeError(Cleaned.takeError());
      }
    } else {
      consumeError(Style.takeError());
    }
    Expected<std::string> NewCode = tooling::applyAllReplacements(Code, Final);
    if (!NewCode) {
      Outcome.WriteErrors.push_back(
          {File, "cannot apply the fix-its: " + toString(NewCode.takeError())});
      continue;
    }
    if (*NewCode == Code)
      continue; // nothing changes: the file is not touched
    if (std::error_code EC = writeAtomically(File, *NewCode))
      Outcome.WriteErrors.push_back(
          {File, "cannot write file: " + EC.message()});
  }
  return Outcome;
}

} // namespace torchlint
