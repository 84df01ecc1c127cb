#!/usr/bin/env bash
# Throughput of empty jobs (quire.noop) through the SQLite-backed queue:
# enqueue, then `quire worker --burst` with 1 and 2 threads, against a
# reference measured in the same run: the same two SQLite write transactions
# per job on a bare table, from CPython's sqlite3 (sqlite_floor.py). Prints wall-clock and CPU-time rates: on a shared
# machine the wall clock includes waiting for a core, CPU time does not.
# Usage: bench/jobs/run.sh path/to/quire [jobs]
set -euo pipefail
QUIRE=$(realpath "${1:?usage: bench/jobs/run.sh path/to/quire [jobs]}")
JOBS=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$QUIRE" new-site bench --admin-password bench >/dev/null

rate() { python3 -c "import sys; print(f'{$1 / $2:,.0f}')"; }

echo "== jobs: $JOBS empty jobs (quire.noop), SQLite WAL; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %14s %14s\n' "step" "jobs/s (wall)" "jobs/s (cpu)"

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

read -r wall cpu < <(cpu_of "$QUIRE" jobs enqueue quire.noop --count "$JOBS")
printf '%-34s %14s %14s\n' "enqueue (one transaction)" "$(rate "$JOBS" "$wall")" "$(rate "$JOBS" "$cpu")"
for threads in 1 2; do
  [ "$threads" = 2 ] && "$QUIRE" jobs enqueue quire.noop --count "$JOBS" >/dev/null
  read -r wall cpu < <(cpu_of "$QUIRE" worker --burst --threads "$threads")
  printf '%-34s %14s %14s\n' "run, worker --burst --threads $threads" "$(rate "$JOBS" "$wall")" "$(rate "$JOBS" "$cpu")"
done
read -r floor_wall floor_cpu < <(python3 "$here/sqlite_floor.py" "$JOBS")
printf '%-34s %14s %14s\n' "reference: python3 sqlite3, bare" "$(rate "$floor_wall" 1)" "$(rate "$floor_cpu" 1)"
