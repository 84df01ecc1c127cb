# shellcheck shell=bash disable=SC2034,SC2154  # sourced: the caller sets and reads the variables
# Sourced by the bench scripts: runs wrk against the server start_serve
# started and prints one line: requests/s, p50/p99 latency, the server's CPU
# time per request and the non-2xx answers. wrk shares the machine's cores
# with the server (and other work may too), so the server's CPU time (user +
# system, from /proc) per request is the steadier figure on a busy machine.
# Needs server_pid, work, SECONDS_TO_RUN and CONNECTIONS; leaves
# "requests/s CPU-us-per-request non-2xx" in $work/last for the caller.
# Usage: wrk_run NAME [wrk arguments...] URL
wrk_run() {
  local name=$1; shift
  local before after
  before=$(server_cpu_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency "$@" >"$work/wrk.out"
  after=$(server_cpu_ticks)
  python3 - "$name" "$work/wrk.out" "$((after - before))" "$(getconf CLK_TCK)" "$work/last" <<'PY'
import re, sys
name, out, ticks, hz, last = sys.argv[1:]
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
cpu_us = int(ticks) / int(hz) / max(requests, 1) * 1e6
print(f"{name:<52} {rate:>10,.0f} req/s  p50 {p50:>8}  p99 {p99:>8}  "
      f"server CPU {cpu_us:6.1f} us/request  non-2xx {errors}")
open(last, "w").write(f"{rate} {cpu_us} {errors}\n")
PY
}

# The server's CPU time so far, in clock ticks (user + system).
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
