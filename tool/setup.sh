#!/usr/bin/env bash
# Sets torchlint up on a Debian 12 machine and runs it.
#
#   tool/setup.sh example   install, build, run torchlint on the bundled example
#   tool/setup.sh test      install, build, run the whole test suite
#
# Idempotent: packages already installed are not fetched again, and the build
# directory (build/, or $TORCHLINT_BUILD_DIR) is reused.
set -euo pipefail

mode=${1:-}
case "$mode" in
  example|test) ;;
  *) echo "usage: $0 example|test" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=${TORCHLINT_BUILD_DIR:-$root/build}

packages=(
  cmake ninja-build g++ python3 libgtest-dev
  clang-19 clang-tidy-19 libclang-19-dev llvm-19-dev llvm-19-tools
  # LLVM's static Support library compresses with zstd (the CLI is static).
  libzstd-dev
  libtorch-dev libbenchmark-dev
  # The reports' tests: the SARIF schema validator, clang-apply-replacements.
  python3-jsonschema clang-tools-19
  # The pre-commit hooks' test: the real pre-commit, and git.
  pre-commit git
  # torchlint-clangd (clangd's remote index needs gRPC) and its editor test.
  libgrpc++-dev neovim
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "torchlint setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "torchlint setup: run as root to install packages" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build"

if [ "$mode" = example ]; then
  # torchlint exits 1 when it reports findings, as it does here.
  status=0
  "$build/bin/torchlint" "$root/docs/examples/seed_bugs.cpp" -- -std=c++17 || status=$?
  [ "$status" -le 1 ] || exit "$status"
  exit 0
fi

cd "$build"
ctest --output-on-failure
