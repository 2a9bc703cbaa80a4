//===--- AtomicFile.cpp - Files replaced all at once ----------------------===//

#include "AtomicFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace llvm;

namespace torchlint {

std::error_code writeAtomically(StringRef Path, StringRef Content) {
  // The temporary file goes beside the file a link points to: a rename does
  // not cross file systems.
  SmallString<256> Target;
  if (sys::fs::real_path(Path, Target))
    Target = Path;
  sys::fs::file_status Status;
  std::optional<sys::fs::perms> Mode;
  if (std::error_code EC = sys::fs::status(Target, Status)) {
    if (EC != errc::no_such_file_or_directory)
      return EC;
  } else {
    Mode = Status.permissions();
  }
  int FD;
  SmallString<256> Temp;
  if (std::error_code EC = sys::fs::createUniqueFile(
          Target + ".torchlint-%%%%%%%%", FD, Temp, sys::fs::OF_None,
          Mode.value_or(sys::fs::all_read | sys::fs::all_write)))
    return EC;
  {
    raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << Content;
    Out.close();
    if (Out.has_error()) {
      std::error_code EC = Out.error();
      Out.clear_error();
      sys::fs::remove(Temp);
      return EC;
    }
  }
  // createUniqueFile's mode went through the umask.
  if (Mode)
    sys::fs::setPermissions(Temp, *Mode);
  if (std::error_code EC = sys::fs::rename(Temp, Target)) {
    sys::fs::remove(Temp);
    return EC;
  }
  return {};
}

} // namespace torchlint
