#!/usr/bin/env bash
# Server Scripts in a running `quire serve` (issue 7 aims, 2 cores, SQLite):
#   1. POST /api/resource/ToDo with no script against one Before Save
#      DocType Event script (aim: overhead <= 10%)
#   2. GET /api/method/bench.constant, an API script answering a constant,
#      as Guest (aim: >= 20,000 requests/s)
#   3. GET /api/method/bench.compute: /work/shared/bench/scripts/compute.py
#      (or $SHARED_BENCH/compute.py) as an API script, its answer checked
#      against python3's
#   4. the shared validate_invoice.py (Before Save on Sales Invoice: POST
#      /api/resource/Sales Invoice, 50 items and 2 taxes, invoice.lua) against
#      no script, and api_report.py (GET /api/method/bench.api_report over
#      3,000 invoices) as real Server Scripts, on the Sales Invoice DocTypes of
#      sales_invoice.json created through /api/resource/DocType; both answers
#      checked against python3 running the same files
# A script-against-none comparison alternates rounds with the script
# disabled and enabled (PAIRS pairs, the order swapped every pair), every
# round on emptied tables and a truncated WAL, and every round the same
# number of inserts (TODO_ROUND / INVOICE_ROUND requests): an insert costs
# more as the table and the log grow, which made the phases' order and
# length weigh as much as the script. Each pair gives a ratio; the median is
# the figure, the range shows the noise.
# Usage: bench/scripts/run.sh path/to/quire [seconds] [connections]
#   seconds: each single wrk run (default 10). Environment: PAIRS (10),
#   TODO_ROUND (6000), INVOICE_ROUND (600); a round stops after
#   ROUND_LIMIT_SECONDS (60) whatever its count; REPORT_INVOICES (3000).
#   CHECK_ONLY=1: every check against python3, nothing measured (no wrk
#   needed; the ctest e2e_shared_bench_scripts), exit 77 when the shared
#   scripts are missing.
set -euo pipefail
QUIRE=$(realpath "${1:?usage: bench/scripts/run.sh path/to/quire [seconds] [connections]}")
SECONDS_TO_RUN=${2:-10}
CONNECTIONS=${3:-32}
PAIRS=${PAIRS:-10}
TODO_ROUND=${TODO_ROUND:-6000}
INVOICE_ROUND=${INVOICE_ROUND:-600}
ROUND_LIMIT_SECONDS=${ROUND_LIMIT_SECONDS:-60}
REPORT_INVOICES=${REPORT_INVOICES:-3000}
CHECK_ONLY=${CHECK_ONLY:-}
here=$(cd "$(dirname "$0")" && pwd)
lib=$here/../lib
shared=${SHARED_BENCH:-/work/shared/bench/scripts}
if [ -n "$CHECK_ONLY" ]; then
  for file in compute.py validate_invoice.py api_report.py; do
    [ -f "$shared/$file" ] || { echo "bench/scripts: $shared/$file is missing: skipped" >&2; exit 77; }
  done
else
  command -v wrk >/dev/null || { echo "bench/scripts: wrk is missing (make deps installs it)" >&2; exit 1; }
fi

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
site_db="$QUIRE_SITES_DIR/bench/site.db"

# shellcheck source=../lib/serve.sh
source "$lib/serve.sh"
# shellcheck source=../lib/wrk_run.sh
source "$lib/wrk_run.sh"
start_serve bench/scripts

rest() { python3 "$lib/rest.py" "$base" "$token" "$@" >/dev/null; }
# wrk_run, unless only the checks are asked for.
measure() { [ -n "$CHECK_ONLY" ] || wrk_run "$@"; }
# The body of a file as a JSON string.
json_text() { python3 -c 'import json, sys; print(json.dumps(open(sys.argv[1]).read() + sys.argv[2]))' "$1" "${2:-}"; }

# compare_script LABEL SCRIPT URL LUA REQUESTS CHECK_SQL TABLE...: the
# inserts of wrk's LUA to URL, REQUESTS a round (rounded to even: two wrk
# threads), with the Server Script SCRIPT disabled and enabled,
# rounds as described at the top. CHECK_SQL counts the rows the script
# changed: none in a plain round, every row in a script round (a round that
# did not run what it says fails the bench, as does a non-2xx answer).
compare_script() {
  local label=$1 script=$2 url=$3 lua=$4 requests=$5 check_sql=$6; shift 6
  [ -z "$CHECK_ONLY" ] || return 0
  local pair phase order rows changed want
  : >"$work/rounds"
  for pair in $(seq 1 "$PAIRS"); do
    order="plain script"
    [ $((pair % 2)) = 0 ] && order="script plain"
    for phase in $order; do
      rest PUT "/api/resource/Server Script/$script" "{\"disabled\": $([ "$phase" = plain ] && echo 1 || echo 0)}"
      python3 "$lib/site_db.py" empty "$site_db" "$@" tabVersion
      WRK_STOP_AFTER=$((requests / 2)) SECONDS_TO_RUN=$ROUND_LIMIT_SECONDS wrk_run "$label, $phase, pair $pair" "${auth[@]}" -s "$lua" "$url"
      echo "$phase $(cat "$work/last")" >>"$work/rounds"
      read -r rows changed < <(python3 "$lib/site_db.py" count "$site_db" "SELECT COUNT(*) FROM \`$1\`" "$check_sql")
      want=0
      [ "$phase" = script ] && want=$rows
      if [ "$changed" != "$want" ]; then
        echo "bench/scripts: $label, $phase round: the script changed $changed of $rows rows" >&2; exit 1
      fi
    done
  done
  python3 "$here/compare_rounds.py" "$work/rounds"
}

[ -n "$CHECK_ONLY" ] || echo "== Server Scripts on SQLite, wrk -t2 -c$CONNECTIONS, ${SECONDS_TO_RUN}s runs, comparisons $PAIRS pairs" \
  "of $TODO_ROUND / $INVOICE_ROUND inserts a round; $(date -u '+%Y-%m-%d %H:%M UTC')," \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

auth=(-H "Authorization: token $token")
rest POST "/api/resource/Server Script" '{"name": "bench-before-save", "script_type": "DocType Event",
  "reference_doctype": "ToDo", "doctype_event": "Before Save",
  "script": "if not doc.description:\n    frappe.throw(\"Description is required\")\ndoc.color = \"#ff0000\" if doc.priority == \"High\" else \"#00ff00\"\n"}'
# The script runs and sets its field.
python3 "$lib/rest.py" "$base" "$token" POST /api/resource/ToDo '{"description": "check"}' |
  python3 -c "import json, sys; d = json.load(sys.stdin)['data']; assert d['color'] == '#00ff00', d"
compare_script "POST /api/resource/ToDo" bench-before-save "$base/api/resource/ToDo" "$here/../http/insert.lua" \
  "$TODO_ROUND" "SELECT COUNT(*) FROM tabToDo WHERE color = '#00ff00'" tabToDo
[ -n "$CHECK_ONLY" ] || echo "  (aim: Before Save script overhead <= 10%)"

rest POST "/api/resource/Server Script" '{"name": "bench-constant", "script_type": "API",
  "api_method": "bench.constant", "allow_guest": 1, "script": "frappe.response[\"message\"] = \"hello\"\n"}'
[ "$(curl -sf "$base/api/method/bench.constant")" = '{"message":"hello"}' ] || {
  echo "bench/scripts: bench.constant answered $(curl -s "$base/api/method/bench.constant")" >&2; exit 1; }
measure "GET /api/method/bench.constant (API script)" "$base/api/method/bench.constant"
measure "GET /api/method/ping (built-in, for scale)" "$base/api/method/ping"

if [ -f "$shared/compute.py" ]; then
  rest POST "/api/resource/Server Script" "{\"name\": \"bench-compute\", \"script_type\": \"API\",
    \"api_method\": \"bench.compute\", \"allow_guest\": 1,
    \"script\": $(json_text "$shared/compute.py" $'\nfrappe.flags = result\n')}"
  # Same answer as CPython's.
  curl -sf "$base/api/method/bench.compute" | python3 -c '
import json, sys
scope = {}
exec(open(sys.argv[1]).read(), scope)
got = json.load(sys.stdin)["message"]
assert got == json.loads(json.dumps(scope["result"])), (got, scope["result"])' "$shared/compute.py"
  measure "GET /api/method/bench.compute (compute.py)" "$base/api/method/bench.compute"
fi

if [ -f "$shared/validate_invoice.py" ] && [ -f "$shared/api_report.py" ]; then
  python3 - "$lib" "$base" "$token" "$here/sales_invoice.json" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[1])
from rest import request
base, token, fixture = sys.argv[2:]
for doctype in json.load(open(fixture)):
    request(base, token, "POST", "/api/resource/DocType", json.dumps({"doctype": "DocType", **doctype}))
PY
  invoice_tables=("tabSales Invoice" "tabSales Invoice Item" "tabSales Taxes and Charges")
  rest POST "/api/resource/Server Script" "{\"name\": \"bench-validate-invoice\", \"script_type\": \"DocType Event\",
    \"reference_doctype\": \"Sales Invoice\", \"doctype_event\": \"Before Save\",
    \"script\": $(json_text "$shared/validate_invoice.py")}"
  python3 "$here/check_invoice.py" "$base" "$token" "$shared/validate_invoice.py"
  compare_script "POST Sales Invoice (50 items)" bench-validate-invoice \
    "$base/api/resource/Sales%20Invoice" "$here/invoice.lua" "$INVOICE_ROUND" \
    "SELECT COUNT(*) FROM \`tabSales Invoice\` WHERE grand_total > 0" "${invoice_tables[@]}"
  [ -n "$CHECK_ONLY" ] || echo "  (validate_invoice.py against no script)"

  rest POST "/api/resource/Server Script" "{\"name\": \"bench-api-report\", \"script_type\": \"API\",
    \"api_method\": \"bench.api_report\", \"script\": $(json_text "$shared/api_report.py")}"
  rest PUT "/api/resource/Server Script/bench-validate-invoice" '{"disabled": 0}'
  python3 "$lib/site_db.py" empty "$site_db" "${invoice_tables[@]}" tabVersion
  python3 "$here/seed_invoices.py" "$base" "$token" "$REPORT_INVOICES"
  python3 "$here/check_report.py" "$base" "$token" "$shared/api_report.py"
  measure "GET /api/method/bench.api_report (api_report.py)" "${auth[@]}" "$base/api/method/bench.api_report"
fi

# The Before Save script in process (no HTTP, no disk): what the scripting
# layer itself adds to an insert. Built in the folder of the given binary.
build=$(cd "$(dirname "$QUIRE")/../.." && pwd)
if [ -n "$CHECK_ONLY" ]; then
  echo "== checks only: the shared scripts answered as python3 does"
elif cmake --build "$build" -j2 --target quire_script_bench >"$work/build.out" 2>&1; then
  echo "== in process (quire_script_bench, CPU per call, best of 5 rounds):"
  "$build/src/scripting/quire_script_bench" 2000
  if [ -f "$shared/validate_invoice.py" ]; then
    "$build/src/scripting/quire_script_bench" invoice "$here/sales_invoice.json" "$shared/validate_invoice.py" 200
    python3 "$here/cpython_reference.py" "$shared/validate_invoice.py" 200
  fi
else
  echo "== in process: skipped, quire_script_bench did not build in $build (see cmake --build $build --target quire_script_bench)"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
