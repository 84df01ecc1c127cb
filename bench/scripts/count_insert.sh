#!/usr/bin/env bash
# What one served ToDo insert costs with and without one Before Save script,
# in counts rather than time (a loaded machine moves time, not counts):
#   callgrind: instructions per insert of the whole server (every thread),
#              one callgrind dump per round for callgrind_annotate / diffs
#   strace:    syscalls per insert by name (strace -c -f on the server)
# Rounds alternate plain / script / plain / script ... (the script disabled
# or enabled by PUT), each on an emptied table and a truncated WAL, after a
# warm-up round; inserts are sequential over one keep-alive connection
# (insert_driver.py), so nothing but the script differs between rounds.
# Usage: bench/scripts/count_insert.sh path/to/quire callgrind|strace [inserts] [pairs]
#   Output folder: $OUT (default: a new temporary folder, printed).
set -euo pipefail
QUIRE=$(realpath "${1:?usage: count_insert.sh path/to/quire callgrind|strace [inserts] [pairs]}")
MODE=${2:?callgrind or strace}
INSERTS=${3:-300}
PAIRS=${4:-2}
here=$(cd "$(dirname "$0")" && pwd)
lib=$here/../lib
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
# shellcheck source=../lib/script_site.sh
source "$lib/script_site.sh"
make_script_site

# shellcheck source=../lib/serve.sh
source "$lib/serve.sh"
# shellcheck disable=SC2034  # read by start_serve (serve.sh)
SERVE_WRAPPER=""
if [ "$MODE" = callgrind ]; then
  SERVE_WRAPPER="valgrind --tool=callgrind ${CALLGRIND_OPTIONS:-} --log-file=$OUT/valgrind.log --callgrind-out-file=$OUT/callgrind.out"
fi
start_serve count_insert --workers 1
rest() { python3 "$lib/rest.py" "$base" "$token" "$@" >/dev/null; }

rest POST "/api/resource/Server Script" '{"name": "bench-before-save", "script_type": "DocType Event",
  "reference_doctype": "ToDo", "doctype_event": "Before Save",
  "script": "if not doc.description:\n    frappe.throw(\"Description is required\")\ndoc.color = \"#ff0000\" if doc.priority == \"High\" else \"#00ff00\"\n"}'

# round NAME: INSERTS inserts, counted.
round() {
  local name=$1
  python3 "$lib/site_db.py" empty "$site_db" tabToDo tabVersion
  if [ "$MODE" = callgrind ]; then
    callgrind_control -z "$server_pid" >/dev/null
    python3 "$here/insert_driver.py" "$base" "$token" "$INSERTS"
    callgrind_control -d "$name" "$server_pid" >/dev/null
  else
    strace -c -f -o "$OUT/strace.$name" -p "$server_pid" 2>/dev/null &
    local strace_pid=$!
    sleep 1  # strace attaches to every thread before the round starts
    python3 "$here/insert_driver.py" "$base" "$token" "$INSERTS"
    kill -INT "$strace_pid"
    wait "$strace_pid" || true
  fi
}

rest PUT "/api/resource/Server Script/bench-before-save" '{"disabled": 1}'
python3 "$here/insert_driver.py" "$base" "$token" "$INSERTS"  # warm-up
for pair in $(seq 1 "$PAIRS"); do
  for phase in plain script; do
    rest PUT "/api/resource/Server Script/bench-before-save" "{\"disabled\": $([ "$phase" = plain ] && echo 1 || echo 0)}"
    python3 "$here/insert_driver.py" "$base" "$token" 5  # the map and the caches settle
    round "$phase-$pair"
  done
done

echo "count_insert: $MODE, $INSERTS inserts a round, output in $OUT"
if [ "$MODE" = callgrind ]; then
  for file in "$OUT"/callgrind.out.*; do
    total=$(sed -n 's/^summary: \([0-9]*\).*/\1/p; s/^totals: \([0-9]*\).*/\1/p' "$file" | head -1)
    round_name=$(sed -n 's/^desc: Trigger: dump //p' "$file")
    if [ -n "$round_name" ]; then echo "$round_name: $((total / INSERTS)) instructions per insert ($file)"; fi
  done
else
  for file in "$OUT"/strace.*; do
    calls=$(awk '$NF == "total" {print $4}' "$file")
    echo "${file##*.}: $((calls / INSERTS)).$(((calls * 10 / INSERTS) % 10)) syscalls per insert"
  done
fi
