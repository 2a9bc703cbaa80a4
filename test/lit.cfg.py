# lit configuration of torchlint's test suite.
import os
import shutil

import lit.formats

config.name = "torchlint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "corpus", "corpus2", "corpus3", "corpus4", "corpus5", "unit", "perf",
                   "CMakeLists.txt", "check_torchlint.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.torchlint_test_exec_dir

config.environment["PATH"] = os.pathsep.join(
    [config.torchlint_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "")]
)

# One cache of precompiled LibTorch headers for the whole run: the suite's
# files share their flags and prefix, so it is built once (the tests of the
# cache itself use their own directories). Never the user's own cache.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "cache")

# LibTorch's C++ frontend as Debian's libtorch-dev installs it.
torch_flags = "-std=c++17 -I/usr/include/torch/csrc/api/include"
clang_tidy = shutil.which("clang-tidy-19") or "clang-tidy-19"
plugin = os.path.join(config.torchlint_lib_dir, "TorchLintTidyPlugin.so")
runner = os.path.join(config.torchlint_test_source_dir, "check_torchlint.py")

config.substitutions.append(("%torch_flags", torch_flags))
config.substitutions.append(
    ("%check_torchlint", "%s %s" % (config.python_executable, runner))
)
config.substitutions.append(("%torchlint", os.path.join(config.torchlint_bin_dir, "torchlint")))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%clang_tidy", clang_tidy))
config.substitutions.append(("%clang", shutil.which("clang++-19") or "clang++-19"))
config.substitutions.append(("%python", config.python_executable))
