#!/usr/bin/env bash
# Measures GET /api/method/ping with wrk against a throwaway site on loopback
# and prints requests/s. Usage: bench/http_ping.sh path/to/quire [seconds]
# Frappe's published figure for this endpoint is about 220-320 requests/s per
# worker; quire aims for >= 50,000 requests/s on 2 cores (wrk shares them).
set -euo pipefail
QUIRE=$(realpath "${1:?usage: http_ping.sh path/to/quire [seconds]}")
SECONDS_TO_RUN=${2:-10}
CONNECTIONS=64
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "http_ping: wrk is missing (make deps installs it)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export QUIRE_SITES_DIR="$work/sites"
"$QUIRE" new-site bench --admin-password bench >/dev/null
# shellcheck source=lib/serve.sh
source "$here/lib/serve.sh"
# shellcheck source=lib/wrk_run.sh
source "$here/lib/wrk_run.sh"
# The access log stays on (written to /dev/null) so its cost is measured too.
start_serve http_ping --site bench

url="$base/api/method/ping"
[ "$(curl -s "$url")" = '{"message":"pong"}' ] || { echo "http_ping: wrong answer from $url" >&2; exit 1; }
echo "== http: GET /api/method/ping, wrk -t2 -c$CONNECTIONS -d${SECONDS_TO_RUN}s, $(nproc) cores shared by server and wrk;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_run "GET /api/method/ping" "$url"
