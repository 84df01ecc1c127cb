#!/usr/bin/env bash
# make fuzz: builds every fuzz/*_fuzzer.cpp with clang's libFuzzer, ASan and
# UBSan in build-fuzz/, then runs each for FUZZ_SECONDS (default 60) on its
# corpus. Findings (crash-*, leak-*, timeout-*) are left in fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DQUIRE_FUZZ=ON -DQUIRE_TESTS=OFF -DQUIRE_WERROR=OFF >/dev/null
mkdir -p fuzz/findings
for src in fuzz/*_fuzzer.cpp; do
  name=$(basename "$src" .cpp)
  cmake --build build-fuzz -j 2 --target "$name"
  corpus="build-fuzz/corpus-$name"
  mkdir -p "$corpus"
  seeds=()
  case "$name" in
    syntax_fuzzer) seeds=(tests/lang/syntax/corpus) ;;
    exec_fuzzer) seeds=(tests/differential/programs/*/) ;;
    sandbox_fuzzer) seeds=(tests/sandbox/attacks tests/differential/programs/*/) ;;
  esac
  echo "== $name for ${SECONDS_EACH}s"
  "build-fuzz/fuzz/$name" -max_total_time="$SECONDS_EACH" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz/findings/ "$corpus" "${seeds[@]}"
done
