//===--- ClangdMain.cpp - torchlint-clangd: clangd with the torch checks --===//
//
// clangd 19 itself, from Debian's libclangdMain.a, with the torch- checks
// linked in: their ClangTidyModuleRegistry entry is in this binary, so
// clangd's clang-tidy integration finds them like its own modules.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <cstdio>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

/// Copies LSP messages from In to Out, dropping those whose body is valid
/// JSON but not a JSON-RPC 2.0 object: clangd 19 ends the session on one
/// (its transport takes it for `exit`), and a server must survive whatever
/// arrives. Everything else, malformed or not, reaches clangd unchanged.
static void forwardJsonRpc(int InFD, int OutFD) {
  FILE *In = fdopen(InFD, "rb");
  FILE *Out = fdopen(OutFD, "wb");
  if (!In || !Out)
    return;
  char Line[4096];
  while (true) {
    std::string Header;
    long long Length = -1;
    bool End = false;
    while (true) {
      if (!std::fgets(Line, sizeof(Line), In)) {
        End = true;
        break;
      }
      Header += Line;
      llvm::StringRef L = llvm::StringRef(Line).trim();
      if (L.empty())
        break;
      if (L.consume_front_insensitive("content-length:"))
        if (L.trim().getAsInteger(10, Length))
          Length = -1;
    }
    std::string Body;
    if (!End && Length > 0 && Length < (1LL << 30)) {
      Body.resize(Length);
      Body.resize(std::fread(Body.data(), 1, Body.size(), In));
      End = Body.size() < static_cast<size_t>(Length);
    }
    bool Drop = false;
    if (!End && !Body.empty()) {
      llvm::Expected<llvm::json::Value> Message = llvm::json::parse(Body);
      if (Message) {
        const llvm::json::Object *O = Message->getAsObject();
        Drop = !O || O->getString("jsonrpc") != llvm::StringRef("2.0");
      } else {
        llvm::consumeError(Message.takeError());
      }
    }
    if (Drop) {
      std::fputs("torchlint-clangd: dropped a message that is not a "
                 "JSON-RPC 2.0 object\n",
                 stderr);
      continue;
    }
    std::fwrite(Header.data(), 1, Header.size(), Out);
    std::fwrite(Body.data(), 1, Body.size(), Out);
    std::fflush(Out);
    if (End)
      break;
  }
  std::fclose(Out); // clangd sees the end of its input, as it would have
}

int main(int argc, char **argv) {
  // clangd reads the filtered messages from a pipe in place of stdin.
  int Pipe[2];
  if (pipe(Pipe) == 0) {
    int Input = dup(STDIN_FILENO);
    if (Input >= 0 && dup2(Pipe[0], STDIN_FILENO) >= 0) {
      close(Pipe[0]);
      std::thread(forwardJsonRpc, Input, Pipe[1]).detach();
    }
  }

  // clangd looks for the compiler's built-in headers (stddef.h, ...) beside
  // its own executable, which does not live in a clang installation: point
  // it at the clang this binary was built with, unless the user did.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(argv[I]).starts_with("-resource-dir"))
      HasResourceDir = true;
  static char ResourceDir[] = "--resource-dir=" TORCHLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
