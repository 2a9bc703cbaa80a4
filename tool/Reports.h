//===--- Reports.h - torchlint's report formats -----------------*- C++ -*-===//
//
// The findings of a run, written as clang's text diagnostics, as a JSON
// document (its shape is documented in docs/reports.md) or as a SARIF 2.1.0
// log for code-scanning services; and the fix-its, applied to the files or
// exported as clang-apply-replacements YAML.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_REPORTS_H
#define TORCHLINT_TOOL_REPORTS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace torchlint {

enum class ReportFormat { Text, Json, Sarif };

/// The format named \p Name ("text", "json" or "sarif"), if any.
std::optional<ReportFormat> parseReportFormat(llvm::StringRef Name);

/// Where a diagnostic points, resolved while the file still holds the text
/// the analysis read.
struct SourcePlace {
  std::string File; ///< Absolute, with `.` and `..` removed.
  unsigned Offset = 0;
  unsigned Line = 0;        ///< 1-based.
  unsigned Column = 0;      ///< 1-based, in bytes, as clang prints it.
  unsigned Utf16Column = 0; ///< 1-based, in UTF-16 code units (SARIF).
  bool isValid() const { return Line != 0; }
};

/// One edit of a fix-it.
struct ReportEdit {
  SourcePlace Begin, End;
  std::string Replacement;
};

struct ReportNote {
  std::string Message;
  SourcePlace Place; ///< May be invalid: a note without a location.
};

/// A diagnostic of a check, as the reports show it.
struct ReportFinding {
  std::string Check;
  bool IsError = false; ///< A warning turned into an error (WarningsAsErrors).
  std::string Message;
  SourcePlace Place;
  std::vector<ReportNote> Notes;
  std::vector<ReportEdit> Fix;
  /// The outcome of replaying the finding on sample data (the note of
  /// checks/Confirmation.h that says "confirmed ..." or "unconfirmed ..."),
  /// if it was replayed.
  std::optional<bool> Confirmed;
  std::string ConfirmationMessage;
};

/// An input that could not be analyzed: a source file that cannot be read or
/// parsed, a configuration file that cannot be parsed.
struct BadInput {
  std::string File;
  std::string Reason;
};

/// Collects the diagnostics of every translation unit of a run and writes
/// them in one format. A finding that several translation units report (in a
/// header they share) is reported once.
class Report {
public:
  struct Options {
    ReportFormat Format = ReportFormat::Text;
    /// Colors in text reports.
    bool ShowColors = false;
    /// An absolute directory: SARIF's SRCROOT, against which the locations
    /// of files under it are written as relative URIs.
    std::string SourceRoot;
  };

  Report(Options Opts, llvm::raw_ostream &OS);

  /// Adds the diagnostics of one translation unit and returns those not
  /// already reported through another one. A text report prints them at
  /// once; positions are resolved now, before fix-its change the files.
  std::vector<clang::tidy::ClangTidyError>
  addTranslationUnit(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                     llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

  /// Lists an input that could not be analyzed (JSON and SARIF reports; the
  /// caller prints the message).
  void addBadInput(llvm::StringRef File, llvm::StringRef Reason);

  /// Writes the JSON or SARIF document (a text report is already written).
  void finish();

  /// Every diagnostic reported, in order (for --export-fixes).
  const std::vector<clang::tidy::ClangTidyError> &errors() const {
    return AllErrors;
  }

private:
  void printText(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                 llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);
  void writeJson();
  void writeSarif();

  Options Opts;
  llvm::raw_ostream &OS;
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  std::vector<clang::tidy::ClangTidyError> AllErrors;
  std::vector<ReportFinding> Findings;
  std::vector<BadInput> BadInputs;
};

/// The fix-its a run applied.
struct FixOutcome {
  unsigned Suggested = 0;
  unsigned Applied = 0;
  /// Files that could not be written, with the reason.
  std::vector<BadInput> WriteErrors;
};

/// Applies the fix-its of the warnings in \p Errors to the files, cleaned up
/// and formatted as clang-tidy does (the FormatStyle of \p Context's options).
/// Each changed file is written once and atomically (a temporary file in its
/// directory, renamed over it, with the file's permissions); a file whose
/// text would not change is not touched.
FixOutcome applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                      clang::tidy::ClangTidyContext &Context);

} // namespace torchlint

#endif // TORCHLINT_TOOL_REPORTS_H
