#!/usr/bin/env bash
# REST throughput with wrk against a throwaway site on loopback (issue 6 aims:
# >= 20,000 list requests/s and >= 2,000 inserts/s on 2 cores, SQLite):
#   1. GET /api/resource/ToDo?limit=20 over 1,000 ToDo rows
#   2. POST /api/resource/ToDo (one insert per request, each committed)
# Both authenticate with an API key (Authorization: token key:secret), as a
# REST client does. wrk shares the machine's cores with the server, so the
# server's CPU time per request is printed too (steadier on a busy machine).
# Usage: bench/http/run.sh path/to/quire [seconds] [connections]
set -euo pipefail
QUIRE=$(realpath "${1:?usage: bench/http/run.sh path/to/quire [seconds] [connections]}")
SECONDS_TO_RUN=${2:-10}
CONNECTIONS=${3:-32}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "bench/http: wrk is missing (make deps installs it)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export QUIRE_SITES_DIR="$work/sites"
"$QUIRE" new-site bench --admin-password bench >/dev/null
keys=$("$QUIRE" generate-api-key Administrator)
token="$(sed -n 's/^api_key: //p' <<<"$keys"):$(sed -n 's/^api_secret: //p' <<<"$keys")"

# shellcheck source=../lib/serve.sh
source "$here/../lib/serve.sh"
start_serve bench/http

# 1,000 rows to list from, inserted 200 per request.
python3 - "$base" "$token" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
for batch in range(5):
    docs = [{"doctype": "ToDo", "description": f"seed {batch}-{i}", "status": "Open"} for i in range(200)]
    request = urllib.request.Request(base + "/api/method/frappe.client.insert_many",
                                     data=json.dumps({"docs": docs}).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "token " + token})
    urllib.request.urlopen(request).read()
PY

# shellcheck source=../lib/wrk_run.sh
source "$here/../lib/wrk_run.sh"
auth=(-H "Authorization: token $token")

echo "== REST on SQLite, wrk -t2 -c$CONNECTIONS -d${SECONDS_TO_RUN}s, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -sf -H "Authorization: token $token" "$base/api/resource/ToDo?limit=20" | python3 -c \
  "import json,sys; rows=json.load(sys.stdin)['data']; assert len(rows)==20, rows"
wrk_run "GET /api/resource/ToDo?limit=20" "${auth[@]}" "$base/api/resource/ToDo?limit=20"
wrk_run "POST /api/resource/ToDo (insert)" "${auth[@]}" -s "$here/insert.lua" "$base/api/resource/ToDo"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
