#!/usr/bin/env bash
# Server Scripts in a running `quire serve` (issue 7 aims, 2 cores, SQLite):
#   1. POST /api/resource/ToDo with no script, then with one Before Save
#      DocType Event script (aim: overhead <= 10%)
#   2. GET /api/method/bench.constant, an API script answering a constant,
#      as Guest (aim: >= 20,000 requests/s)
#   3. GET /api/method/bench.compute: /work/shared/bench/scripts/compute.py
#      (or $SHARED_BENCH/compute.py) as an API script, its answer checked
#      against python3's
#   4. the shared validate_invoice.py (Before Save on Sales Invoice: POST
#      /api/resource/Sales Invoice with five items and two taxes, invoice.lua)
#      and api_report.py (GET /api/method/bench.api_report) as real Server
#      Scripts, on the Sales Invoice DocTypes of sales_invoice.json created
#      through /api/resource/DocType; both answers checked against python3
#      running the same files
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

# shellcheck source=../lib/serve.sh
source "$here/../lib/serve.sh"
start_serve bench/scripts

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
# Each phase grows the ToDo table by tens of thousands of rows, and a larger
# table costs every insert more; the script is disabled and the plain insert
# measured again, so the script is compared with plain runs on either side.
python3 - "$base" "$token" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
request = urllib.request.Request(base + "/api/resource/Server%20Script/bench-before-save",
                                 data=json.dumps({"disabled": 1}).encode(), method="PUT",
                                 headers={"Content-Type": "application/json", "Authorization": "token " + token})
urllib.request.urlopen(request).read()
PY
run "POST /api/resource/ToDo, no script (again)" "${auth[@]}" -s "$here/../http/insert.lua" "$base/api/resource/ToDo"
read -r plain_rate_after plain_cpu_after <"$work/last"
python3 - "$plain_rate" "$plain_cpu" "$script_rate" "$script_cpu" "$plain_rate_after" "$plain_cpu_after" <<'PY'
import sys
plain_rate, plain_cpu, script_rate, script_cpu, after_rate, after_cpu = map(float, sys.argv[1:])
plain_rate, plain_cpu = (plain_rate + after_rate) / 2, (plain_cpu + after_cpu) / 2
print(f"  Before Save script overhead against the mean of the plain runs around it: "
      f"{(plain_rate / script_rate - 1) * 100:+.1f}% time per insert (throughput), "
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
if [ -f "$shared/validate_invoice.py" ] && [ -f "$shared/api_report.py" ]; then
  python3 - "$base" "$token" "$here/sales_invoice.json" <<'PY'
import json, sys, urllib.request
base, token, fixture = sys.argv[1:]
for doctype in json.load(open(fixture)):
    request = urllib.request.Request(base + "/api/resource/DocType",
                                     data=json.dumps({"doctype": "DocType", **doctype}).encode(),
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "Authorization": "token " + token})
    urllib.request.urlopen(request).read()
PY
  run "POST /api/resource/Sales Invoice, no script" "${auth[@]}" -s "$here/invoice.lua" \
    "$base/api/resource/Sales%20Invoice"
  read -r plain_rate plain_cpu <"$work/last"
  script=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$shared/validate_invoice.py")
  make_script "{\"name\": \"bench-validate-invoice\", \"script_type\": \"DocType Event\",
    \"reference_doctype\": \"Sales Invoice\", \"doctype_event\": \"Before Save\", \"script\": $script}"
  script=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$shared/api_report.py")
  make_script "{\"name\": \"bench-api-report\", \"script_type\": \"API\", \"api_method\": \"bench.api_report\",
    \"script\": $script}"
  # The invoice the script computed equals python3 running validate_invoice.py on it.
  python3 - "$base" "$token" "$shared/validate_invoice.py" <<'PY'
import json, sys, urllib.request
base, token, source = sys.argv[1:]
invoice = {"customer": "CUST-CHECK", "status": "Unpaid", "posting_date": "2025-02-01",
           "items": [{"item_code": "SKU-1", "qty": 1, "rate": 12.5},
                     {"item_code": "SKU-2", "qty": 2, "rate": 20, "discount_percentage": 10},
                     {"item_code": "SKU-3", "qty": 3, "rate": 7.25}],
           "taxes": [{"description": "VAT", "rate": 9}, {"description": "Levy", "rate": 5}]}
request = urllib.request.Request(base + "/api/resource/Sales%20Invoice",
                                 data=json.dumps(invoice).encode(), method="POST",
                                 headers={"Content-Type": "application/json",
                                          "Authorization": "token " + token})
got = json.load(urllib.request.urlopen(request))["data"]
class Row:  # a document: attributes, None for a field never set
    def __init__(self, values, **more): self.__dict__.update(values, **more)
    def __getattr__(self, name): return None
class Utils:  # the amounts are never half-way between cents, where flt's rounding differs
    flt = staticmethod(lambda x, p=None: round(float(x or 0), p) if p is not None else float(x or 0))
class Frappe:
    utils = Utils
    def throw(msg): raise Exception(msg)
doc = Row(invoice, items=[Row(r, idx=i + 1) for i, r in enumerate(invoice["items"])],
          taxes=[Row(t) for t in invoice["taxes"]])
exec(open(source).read(), {"doc": doc, "frappe": Frappe})
for key in ("total_qty", "net_total", "grand_total", "requires_approval", "remarks"):
    assert got[key] == getattr(doc, key), (key, got[key], getattr(doc, key))
assert len(got["items"]) == len(doc.items) and len(got["taxes"]) == len(doc.taxes), got
for mine, theirs in zip(got["items"], doc.items):
    assert mine["amount"] == theirs.amount, (mine, vars(theirs))
for mine, theirs in zip(got["taxes"], doc.taxes):
    assert mine["tax_amount"] == theirs.tax_amount, (mine, vars(theirs))
PY
  # 60 invoices for the report (20 customers, 28 dates), computed by the script.
  python3 - "$base" "$token" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1:]
for n in range(60):
    invoice = {"customer": f"CUST-{n % 20:02d}", "status": "Unpaid", "posting_date": f"2025-03-{n % 28 + 1:02d}",
               "items": [{"item_code": f"SKU-{n % 7}", "qty": n % 5 + 1, "rate": 12.5 + n},
                         {"item_code": "SKU-9", "qty": 2, "rate": 20, "discount_percentage": 10}],
               "taxes": [{"description": "VAT", "rate": 9}]}
    request = urllib.request.Request(base + "/api/resource/Sales%20Invoice",
                                     data=json.dumps(invoice).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "token " + token})
    urllib.request.urlopen(request).read()
PY
  # api_report.py's answer equals python3 running it over the same rows.
  python3 - "$base" "$token" "$shared/api_report.py" <<'PY'
import datetime, json, sys, urllib.parse, urllib.request
base, token, source = sys.argv[1:]
def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "token " + token})
    return json.load(urllib.request.urlopen(request))
got = get("/api/method/bench.api_report?status=Unpaid")["message"]
fields = json.dumps(["name", "customer", "grand_total", "posting_date"])
rows = get("/api/resource/Sales%20Invoice?limit_page_length=1000&fields=" + urllib.parse.quote(fields) +
           "&filters=" + urllib.parse.quote(json.dumps([["status", "=", "Unpaid"], ["grand_total", ">", 0]])))["data"]
class Row:
    def __init__(self, values): self.__dict__.update(values)
for r in rows: r["posting_date"] = datetime.date.fromisoformat(r["posting_date"])
# The same 500 invoices: the newest dates first, ties broken as the server did.
rows.sort(key=lambda r: r["posting_date"], reverse=True)
if len(rows) > 500: raise SystemExit("api_report check: more than 500 rows, ties make the pick ambiguous")
class Utils:
    flt = staticmethod(lambda x, p=None: round(float(x or 0), p) if p is not None else float(x or 0))
class Frappe:
    utils = Utils
    form_dict = {"status": "Unpaid"}
    response = {}
    get_all = staticmethod(lambda *a, **k: [Row(r) for r in rows])
exec(open(source).read(), {"frappe": Frappe})
assert got == json.loads(json.dumps(Frappe.response["message"])), (got, Frappe.response["message"])
PY
  run "GET /api/method/bench.api_report (api_report.py)" "${auth[@]}" "$base/api/method/bench.api_report"
  run "POST /api/resource/Sales Invoice, validate_invoice.py" "${auth[@]}" -s "$here/invoice.lua" \
    "$base/api/resource/Sales%20Invoice"
  read -r script_rate script_cpu <"$work/last"
  python3 - "$plain_rate" "$plain_cpu" "$script_rate" "$script_cpu" <<'PY'
import sys
plain_rate, plain_cpu, script_rate, script_cpu = map(float, sys.argv[1:])
print(f"  validate_invoice.py overhead: {(plain_rate / script_rate - 1) * 100:+.1f}% time per insert, "
      f"{(script_cpu / plain_cpu - 1) * 100:+.1f}% server CPU per insert")
PY
fi
# The Before Save script in process (no HTTP, no disk): what the scripting
# layer itself adds to an insert. Built in the folder of the given binary.
build=$(cd "$(dirname "$QUIRE")/../.." && pwd)
if cmake --build "$build" -j2 --target quire_script_bench >/dev/null 2>&1; then
  echo "== in process (quire_script_bench, CPU per call, best of 5 rounds):"
  "$build/src/scripting/quire_script_bench" 2000
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
