# shellcheck shell=bash disable=SC2034,SC2154  # sourced: the caller sets and reads the variables
# Sourced by the bench scripts: runs wrk against the server start_serve
# started and prints one line: requests/s, p50/p99 latency, the server's CPU
# time per request and the non-2xx answers. wrk shares the machine's cores
# with the server (and other work may too), so the server's CPU time per
# request is the steadier figure on a busy machine.
# Needs server_pid, work, SECONDS_TO_RUN and CONNECTIONS (WRK_STOP_AFTER:
# each of wrk's two threads stops after that many answers); leaves
# "requests/s CPU-us-per-request non-2xx" in $work/last for the caller.
# Usage: wrk_run NAME [wrk arguments...] URL
wrk_run() {
  local name=$1; shift
  local before after
  before=$(server_cpu_ns)
  if [ -n "${WRK_STOP_AFTER:-}" ]; then
    # Each thread stops after WRK_STOP_AFTER answers (bench/lib/stop_after.lua,
    # loaded by the wrk script); wrk's clock runs until SIGINT.
    export WRK_STOP_FILE="$work/wrk.stopped"
    : >"$WRK_STOP_FILE"
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency "$@" >"$work/wrk.out" &
    local wrk_pid=$!
    local stopped=()
    while kill -0 "$wrk_pid" 2>/dev/null; do  # builtins but sleep: few processes
      mapfile -t stopped <"$WRK_STOP_FILE"
      [ ${#stopped[@]} -ge 2 ] && break
      sleep 0.02
    done
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid"
  else
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency "$@" >"$work/wrk.out"
  fi
  after=$(server_cpu_ns)
  python3 - "$name" "$work/wrk.out" "$((after - before))" "$work/last" <<'PY'
import re, sys
name, out, cpu_ns, last = sys.argv[1:]
text = open(out).read()
def field(pattern, default=None):
    found = re.search(pattern, text, re.MULTILINE)
    if found is None and default is None:
        raise SystemExit(f"wrk_run {name}: no '{pattern}' in wrk's output:\n{text}")
    return found.group(1) if found else default
requests = int(field(r"^\s*(\d+) requests in"))
rate = float(field(r"^Requests/sec:\s*([\d.]+)"))
errors = int(field(r"Non-2xx or 3xx responses:\s*(\d+)", "0"))
p50, p99 = field(r"^\s+50%\s+(\S+)"), field(r"^\s+99%\s+(\S+)")
cpu_us = int(cpu_ns) / 1e3 / max(requests, 1)
print(f"{name:<52} {rate:>10,.0f} req/s  p50 {p50:>8}  p99 {p99:>8}  "
      f"server CPU {cpu_us:6.1f} us/request  non-2xx {errors}")
open(last, "w").write(f"{rate} {cpu_us} {errors}\n")
PY
}

# The server's CPU time so far in nanoseconds: the sum over its threads of
# the scheduler's own count (/proc/PID/task/*/schedstat), exact where the
# user + system figures of /proc/PID/stat are sampled in 10 ms ticks (a 1%
# step on a one-second round). serve's threads live as long as it does.
server_cpu_ns() { awk '{ns += $1} END {printf "%.0f", ns}' /proc/"$server_pid"/task/*/schedstat; }
