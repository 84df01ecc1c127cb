#!/usr/bin/env bash
# make bench: documents on SQLite (issue 5 aims). Builds quire_db_bench in the
# build folder that holds the given quire binary, then runs it on a temporary
# database. DOCS and LIST_ROWS override the sizes (defaults 100000 / 1000000).
set -euo pipefail
QUIRE=${1:?usage: run.sh path/to/quire}
build=$(cd "$(dirname "$QUIRE")/../.." && pwd)
cmake --build "$build" -j2 --target quire_db_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/src/model/quire_db_bench" "$work" "${DOCS:-100000}" "${LIST_ROWS:-1000000}"
