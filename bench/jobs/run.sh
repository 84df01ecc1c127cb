#!/usr/bin/env bash
# Job throughput through the SQLite-backed queue, two kinds of job:
#  - empty jobs (quire.noop): the queue's own cost;
#  - script jobs: each runs a small API Server Script ("bench.small": a loop
#    and a frappe.response) through quire.server_script_call, the job that
#    frappe.enqueue makes — the script VM, the Document/frappe bindings and
#    the queue together.
# For each: enqueue N (one transaction), then `quire worker --burst` with 1 and
# 2 threads until the queue is empty (process start and exit included).
# Reference in the same run: the same two SQLite write transactions per job on
# a bare table, from CPython's sqlite3 (sqlite_floor.py). Prints wall-clock and
# CPU-time rates: on a shared machine the wall clock includes waiting for a
# core, CPU time does not.
# The Server Script is created the way a user would: `quire serve` on a free
# loopback port, a REST insert with the Administrator's API key; the server is
# stopped before anything is measured.
# Usage: bench/jobs/run.sh path/to/quire [jobs]
set -euo pipefail
QUIRE=$(realpath "${1:?usage: bench/jobs/run.sh path/to/quire [jobs]}")
JOBS=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
"$QUIRE" new-site bench --admin-password bench >/dev/null
"$QUIRE" set-config -g server_script_enabled 1 >/dev/null

# --- the Server Script, inserted over REST ----------------------------------
token=$("$QUIRE" generate-api-key Administrator | awk '/^api_key:/ {k=$2} /^api_secret:/ {s=$2} END {print k ":" s}')
# shellcheck source=../lib/serve.sh
source "$here/../lib/serve.sh"
start_serve bench/jobs
script='if frappe.form_dict.get("fail"):
    frappe.throw("asked to fail")
total = 0
for i in range(20):
    total += i * i
frappe.response["message"] = {"total": total, "user": frappe.session.user}
'
body=$(python3 -c 'import json, sys; print(json.dumps({"name": "bench-small", "script_type": "API",
  "api_method": "bench.small", "script": sys.argv[1]}))' "$script")
status=$(curl -s -o "$work/insert.out" -w '%{http_code}' -X POST "$base/api/resource/Server%20Script" \
  -H "Authorization: token $token" -H 'Content-Type: application/json' --data "$body")
[ "$status" = 200 ] || { echo "inserting the Server Script failed ($status):" >&2; cat "$work/insert.out" >&2; exit 1; }
answer=$(curl -s "$base/api/method/bench.small" -H "Authorization: token $token")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

rate() { python3 -c "import sys; print(f'{$1 / $2:,.0f}')"; }

cpu_of() { python3 - "$@" <<'PY'
import os, subprocess, sys, time
wall = time.perf_counter()
before = os.times()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
after = os.times()
print(time.perf_counter() - wall,
      (after.children_user - before.children_user) + (after.children_system - before.children_system))
PY
}

# bench_kind LABEL METHOD ARGS_JSON
bench_kind() {
  local label=$1 method=$2 args=$3
  local wall cpu threads
  read -r wall cpu < <(cpu_of "$QUIRE" jobs enqueue "$method" --args "$args" --count "$JOBS")
  printf '%-40s %14s %14s\n' "$label: enqueue (one transaction)" "$(rate "$JOBS" "$wall")" "$(rate "$JOBS" "$cpu")"
  for threads in 1 2; do
    [ "$threads" = 2 ] && "$QUIRE" jobs enqueue "$method" --args "$args" --count "$JOBS" >/dev/null
    read -r wall cpu < <(cpu_of "$QUIRE" worker --burst --threads "$threads")
    printf '%-40s %14s %14s\n' "$label: worker --burst --threads $threads" "$(rate "$JOBS" "$wall")" "$(rate "$JOBS" "$cpu")"
  done
  # Every job must have finished: a failing script is fast and would flatter the figure.
  local failed
  failed=$("$QUIRE" jobs list --status failed --limit 1 --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
  [ "$failed" = 0 ] || { echo "$label: jobs failed:" >&2; "$QUIRE" jobs list --status failed --limit 3 >&2; exit 1; }
  "$QUIRE" jobs purge --status finished --older-than-days 0 >/dev/null
}

echo "== jobs: $JOBS jobs per run, SQLite WAL; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "   the script job's API script answers over HTTP: $answer"
printf '%-40s %14s %14s\n' "step" "jobs/s (wall)" "jobs/s (cpu)"
bench_kind "empty" quire.noop '{}'
bench_kind "script" quire.server_script_call '{"method": "bench.small", "kwargs": {}, "user": "Administrator"}'
# The script really runs in the jobs: one asked to fail fails with its words.
"$QUIRE" jobs enqueue quire.server_script_call --args '{"method": "bench.small", "kwargs": {"fail": 1}, "user": "Administrator"}' >/dev/null
"$QUIRE" worker --burst --threads 1 >/dev/null
"$QUIRE" jobs list --status failed --limit 1 | grep -q "asked to fail" ||
  { echo "the script job did not run the script" >&2; exit 1; }
read -r floor_wall floor_cpu < <(python3 "$here/sqlite_floor.py" "$JOBS")
printf '%-40s %14s %14s\n' "reference: python3 sqlite3, bare" "$(rate "$floor_wall" 1)" "$(rate "$floor_cpu" 1)"
