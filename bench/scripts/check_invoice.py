"""validate_invoice.py as a Before Save Server Script computes what python3
running the same file computes: posts one invoice (invoices.py) and compares
the amounts, totals and remarks the server saved.
Usage: check_invoice.py BASE TOKEN path/to/validate_invoice.py"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from frappe_stub import Frappe, Row  # noqa: E402
from invoices import invoice  # noqa: E402
from rest import request  # noqa: E402

base, token, source = sys.argv[1:]
sent = invoice(0)
got = json.loads(request(base, token, "POST", "/api/resource/Sales Invoice", json.dumps(sent)))["data"]
doc = Row(sent, items=[Row(r, idx=i + 1) for i, r in enumerate(sent["items"])],
          taxes=[Row(t) for t in sent["taxes"]])
exec(open(source).read(), {"doc": doc, "frappe": Frappe})
for key in ("total_qty", "net_total", "grand_total", "requires_approval", "remarks"):
    assert got[key] == getattr(doc, key), (key, got[key], getattr(doc, key))
assert len(got["items"]) == len(doc.items) and len(got["taxes"]) == len(doc.taxes), got
for mine, theirs in zip(got["items"], doc.items):
    assert mine["amount"] == theirs.amount, (mine, vars(theirs))
for mine, theirs in zip(got["taxes"], doc.taxes):
    assert mine["tax_amount"] == theirs.tax_amount, (mine, vars(theirs))
