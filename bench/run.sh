#!/usr/bin/env bash
# make bench: every benchmark, one after another. Each prints its own table;
# a failing one is reported and the others still run.
set -uo pipefail
QUIRE=${1:?usage: bench/run.sh path/to/quire}
here=$(cd "$(dirname "$0")" && pwd)
failed=()
for script in "$here/http_ping.sh" "$here"/*/run.sh; do
  [ -f "$script" ] || continue
  bash "$script" "$QUIRE" || failed+=("${script#"$here"/}")
  echo
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "bench: failed: ${failed[*]}" >&2
  exit 1
fi
