#!/usr/bin/env bash
# Server Scripts in a running `quire serve` (issue 7 aims, 2 cores, SQLite):
#   1. POST /api/resource/ToDo with no script, then with one Before Save
#      DocType Event script (aim: overhead <= 10%)
#   2. GET /api/method/bench.constant, an API script answering a constant,
#      as Guest (aim: >= 20,000 requests/s)
#   3. GET /api/method/bench.compute: /work/shared/bench/scripts/compute.py
#      (or $SHARED_BENCH/compute.py) as an API script, its answer checked
#      against python3's
# wrk shares the machine's cores with the server, so the server's CPU time
# per request is printed too (steadier on a busy machine).
# Usage: bench/scripts/run.sh path/to/quire [seconds] [connections]
set -euo pipefail
QUIRE=$(realpath "${1:?usage: bench/scripts/run.sh path/to/quire [seconds] [connections]}")
SECONDS_TO_RUN=${2:-10}
CONNECTIONS=${3:-32}
here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED_BENCH:-/work/shared/bench/scripts}
command -v wrk >/dev/null || { echo "bench/scripts: wrk is missing (make deps installs it)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export QUIRE_SITES_DIR="$work/sites"
"$QUIRE" new-site bench --admin-password bench >/dev/null
"$QUIRE" set-config -g server_script_enabled 1 >/dev/null
"$QUIRE" set-config pause_scheduler 1 >/dev/null
keys=$("$QUIRE" generate-api-key Administrator)
token="$(sed -n 's/^api_key: //p' <<<"$keys"):$(sed -n 's/^api_secret: //p' <<<"$keys")"

"$QUIRE" serve --port 0 --access-log /dev/null 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*on http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$work/serve.err")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "bench/scripts: the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

# Creates a Server Script through the REST API: name, then JSON fields.
make_script() {
  python3 - "$base" "$token" "$1" <<'PY'
import json, sys, urllib.request
base, token, fields = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
request = urllib.request.Request(base + "/api/resource/Server%20Script",
                                 data=json.dumps({"doctype": "Server Script", **fields}).encode(),
                                 method="POST", headers={"Content-Type": "application/json",
                                                         "Authorization": "token " + token})
urllib.request.urlopen(request).read()
PY
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)

run() {  # name, wrk arguments...; prints a line and leaves req/s and CPU us in $work/last
  local name=$1; shift
  local before after requests rate errors
  before=$(cpu_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency "$@" >"$work/wrk.out"
  after=$(cpu_ticks)
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/wrk.out")
  python3 - "$name" "$rate" "$requests" "$((after - before))" "$ticks_per_second" "${errors:-0}" \
    "$(awk '/^ +50%/ {print $2; exit}' "$work/wrk.out")" "$(awk '/^ +99%/ {print $2; exit}' "$work/wrk.out")" \
    "$work/last" <<'PY'
import sys
name, rate, requests, ticks, hz, errors, p50, p99, last = sys.argv[1:]
cpu_us = int(ticks) / int(hz) / int(requests) * 1e6
print(f"{name:<44} {float(rate):>10,.0f} req/s  p50 {p50:>8}  p99 {p99:>8}  "
      f"server CPU {cpu_us:6.1f} us/request  non-2xx {errors}")
open(last, "w").write(f"{rate} {cpu_us}\n")
PY
}

echo "== Server Scripts on SQLite, wrk -t2 -c$CONNECTIONS -d${SECONDS_TO_RUN}s, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

auth=(-H "Authorization: token $token")
run "POST /api/resource/ToDo, no script" "${auth[@]}" -s "$here/../http/insert.lua" "$base/api/resource/ToDo"
read -r plain_rate plain_cpu <"$work/last"
make_script '{"name": "bench-before-save", "script_type": "DocType Event", "reference_doctype": "ToDo",
  "doctype_event": "Before Save",
  "script": "if not doc.description:\n    frappe.throw(\"Description is required\")\ndoc.color = \"#ff0000\" if doc.priority == \"High\" else \"#00ff00\"\n"}'
# The script ran and set its field.
curl -sf "${auth[@]}" -H "Content-Type: application/json" -d '{"description": "check"}' \
  "$base/api/resource/ToDo" | python3 -c \
  "import json,sys; d=json.load(sys.stdin)['data']; assert d['color']=='#00ff00', d"
run "POST /api/resource/ToDo, one Before Save script" "${auth[@]}" -s "$here/../http/insert.lua" "$base/api/resource/ToDo"
read -r script_rate script_cpu <"$work/last"
python3 - "$plain_rate" "$plain_cpu" "$script_rate" "$script_cpu" <<'PY'
import sys
plain_rate, plain_cpu, script_rate, script_cpu = map(float, sys.argv[1:])
print(f"  Before Save script overhead: {(plain_rate / script_rate - 1) * 100:+.1f}% time per insert (throughput), "
      f"{(script_cpu / plain_cpu - 1) * 100:+.1f}% server CPU per insert (aim <= 10%)")
PY

make_script '{"name": "bench-constant", "script_type": "API", "api_method": "bench.constant", "allow_guest": 1,
  "script": "frappe.response[\"message\"] = \"hello\"\n"}'
[ "$(curl -sf "$base/api/method/bench.constant")" = '{"message":"hello"}' ] || {
  echo "bench/scripts: bench.constant answered $(curl -s "$base/api/method/bench.constant")" >&2; exit 1; }
run "GET /api/method/bench.constant (API script)" "$base/api/method/bench.constant"
run "GET /api/method/ping (built-in, for scale)" "$base/api/method/ping"

if [ -f "$shared/compute.py" ]; then
  script=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read() + "\nfrappe.flags = result\n"))' "$shared/compute.py")
  make_script "{\"name\": \"bench-compute\", \"script_type\": \"API\", \"api_method\": \"bench.compute\",
    \"allow_guest\": 1, \"script\": $script}"
  # Same answer as CPython's.
  curl -sf "$base/api/method/bench.compute" | python3 -c '
import json, sys
scope = {}
exec(open(sys.argv[1]).read(), scope)
got = json.load(sys.stdin)["message"]
assert got == json.loads(json.dumps(scope["result"])), (got, scope["result"])' "$shared/compute.py"
  run "GET /api/method/bench.compute (compute.py)" "$base/api/method/bench.compute"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
