"""api_report.py as an API Server Script answers what python3 running the
same file answers over the same rows (read back through /api/resource).
Usage: check_report.py BASE TOKEN path/to/api_report.py"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from frappe_stub import Frappe, Row  # noqa: E402
from rest import request  # noqa: E402

base, token, source = sys.argv[1:]
got = json.loads(request(base, token, "GET", "/api/method/bench.api_report?status=Unpaid"))["message"]
fields = json.dumps(["name", "customer", "grand_total", "posting_date"])
filters = json.dumps([["status", "=", "Unpaid"], ["grand_total", ">", 0]])
rows = json.loads(request(base, token, "GET", "/api/resource/Sales Invoice?limit_page_length=100000"
                          f"&fields={fields}&filters={filters}"))["data"]
for r in rows:
    r["posting_date"] = datetime.date.fromisoformat(r["posting_date"])
if len({r["posting_date"] for r in rows}) != len(rows):
    raise SystemExit("check_report: posting dates repeat, the newest 500 would be ambiguous")


def get_all(doctype, filters, fields, order_by, limit):
    assert (doctype, order_by) == ("Sales Invoice", "posting_date desc"), (doctype, order_by)
    return [Row(r) for r in sorted(rows, key=lambda r: r["posting_date"], reverse=True)[:limit]]


class Report(Frappe):
    form_dict = {"status": "Unpaid"}
    response = {}
    get_all = staticmethod(get_all)


exec(open(source).read(), {"frappe": Report})
want = json.loads(json.dumps(Report.response["message"]))
assert got == want, (got, want)
print(f"api_report.py over {len(rows)} invoices: same answer as python3")
