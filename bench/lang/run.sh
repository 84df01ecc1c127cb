#!/usr/bin/env bash
# make bench: language benchmarks, quire vs CPython 3.11 in the same run, and
# the memory of an idle isolate (built in the build folder of the given quire).
set -euo pipefail
QUIRE=${1:?usage: run.sh path/to/quire}
echo "== language: quire exec vs CPython (median µs per run, compile excluded)"
python3 "$(dirname "$0")/compare.py" --quire "$QUIRE"
echo "== language: idle isolate memory (aim: at most 64 KiB)"
build=$(cd "$(dirname "$QUIRE")/../.." && pwd)
cmake --build "$build" -j2 --target quire_lang_isolate_size >/dev/null
"$build/src/lang/quire_lang_isolate_size"
echo "== language: compile time of a large program by phase (CPU µs)"
cmake --build "$build" -j2 --target quire_lang_compile_time >/dev/null
"$build/src/lang/quire_lang_compile_time"
echo "== language: list.sort by kind of key (CPU µs per sort)"
cmake --build "$build" -j2 --target quire_lang_sort_bench >/dev/null
"$build/src/lang/quire_lang_sort_bench"
