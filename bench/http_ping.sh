#!/usr/bin/env bash
# Measures GET /api/method/ping with wrk against a throwaway site on loopback
# and prints requests/s. Usage: bench/http_ping.sh path/to/quire [seconds]
# Frappe's published figure for this endpoint is about 220-320 requests/s per
# worker; quire aims for >= 50,000 requests/s on 2 cores (wrk shares them).
set -euo pipefail
QUIRE=$(realpath "${1:?usage: http_ping.sh path/to/quire [seconds]}")
SECONDS_TO_RUN=${2:-10}
command -v wrk >/dev/null || { echo "http_ping: wrk is missing (make deps installs it)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
"$QUIRE" new-site bench --admin-password bench >/dev/null
# The access log stays on (written to /dev/null) so its cost is measured too.
"$QUIRE" serve --site bench --port 0 --access-log /dev/null 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*on http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$work/serve.err")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "http_ping: the server did not start" >&2; exit 1; }

url="http://127.0.0.1:$port/api/method/ping"
load=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$(curl -s "$url")" = '{"message":"pong"}' ] || { echo "http_ping: wrong answer from $url" >&2; exit 1; }
# CPU time the server spent (user + system, in clock ticks) is steadier than
# requests/s on a machine busy with other work, so it is reported too.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
before=$(cpu_ticks)
wrk -t2 -c64 -d"${SECONDS_TO_RUN}s" "$url" >"$work/wrk.out"
after=$(cpu_ticks)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
cpu_us=$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN {printf "%.1f", t * 1e6 / hz / n}')
rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
latency=$(awk '/^    Latency/ {print $2}' "$work/wrk.out")
errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.out")
echo "== http: GET /api/method/ping, wrk -t2 -c64 -d${SECONDS_TO_RUN}s, $(nproc) cores shared by server and wrk"
echo "requests/s: $rps   mean latency: $latency   server CPU per request: ${cpu_us} µs"
echo "load average before the run: $load"
[ -z "$errors" ] || echo "errors: $errors"
