#!/usr/bin/env bash
# Builds the readers of user bytes and the other MLIR-free libraries, the
# fuzz targets' replay drivers and the unit tests with AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/ (or $SYNA_ASAN_BUILD_DIR), then
# replays every fuzz corpus and runs the unit tests there. libMLIR is not
# involved: nothing built here links it, which keeps this cheap.
#
#   tools/sanitize.sh          build (incrementally), replay, run the tests
#   tools/sanitize.sh --build  only build (tools/setup.sh does this)
#
# ctest runs it as the test `sanitizers` (test/CMakeLists.txt).
set -euo pipefail

build_only=0
for arg in "$@"; do
  case "$arg" in
    --build) build_only=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "syna sanitize: unknown option '$arg' (known: --build)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SYNA_ASAN_BUILD_DIR:-$root/build-asan}
readers=(safetensors npy literal idx)
replays=(syna-fuzz-replay)
for reader in "${readers[@]}"; do replays+=("syna-fuzz-$reader-replay"); done
unit_tests=(SynaDataTests SynaModelSchemaTests)

# gcc's sanitizers (no libFuzzer needed); -O1 keeps the replays quick, and
# -fno-sanitize-recover makes every UBSan report fatal. Build tools that
# leak on purpose (syna-tblgen) must not fail the build: no leak checks
# while building.
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" >/dev/null
fi
ASAN_OPTIONS=detect_leaks=0 cmake --build "$build" --target "${replays[@]}" "${unit_tests[@]}"
((build_only)) && exit 0

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
start=$SECONDS
fuzz=$root/tools/syna-fuzz
inputs=$root/test/Fuzz/Inputs
"$build/bin/syna-fuzz-replay" "$fuzz/corpus" "$inputs"
for reader in "${readers[@]}"; do
  echo -n "$reader: "
  "$build/bin/syna-fuzz-$reader-replay" "$fuzz/corpus-$reader" "$inputs/$reader"
done
for test in "${unit_tests[@]}"; do
  "$build/test/Unit/$test" --gtest_brief=1
done
echo "syna sanitize: replays and unit tests passed under ASan and UBSan" \
     "in $((SECONDS - start)) s"
