"""python3 running the shared validate_invoice.py on bench/scripts/invoices.py's
invoice(0) (50 items, 2 taxes) with frappe_stub's document and `frappe`:
compiled once, CPU microseconds per run, best of five rounds — the reference
quire_script_bench's run_doc_event figure is compared with (the shared
README's "plain CPython 3.11, compiled once" column).
Usage: cpython_reference.py path/to/validate_invoice.py [iterations]"""
import sys
import time

from frappe_stub import Frappe, Row
from invoices import invoice

source, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
code = compile(open(source).read(), source, "exec")
sent = invoice(0)
doc = Row(sent, items=[Row(r, idx=i + 1) for i, r in enumerate(sent["items"])],
          taxes=[Row(t) for t in sent["taxes"]])
best = float("inf")
for _ in range(5):
    start = time.process_time()
    for _ in range(n):
        exec(code, {"doc": doc, "frappe": Frappe})
    best = min(best, (time.process_time() - start) / n * 1e6)
assert doc.grand_total > 0, vars(doc)
print(f"validate_invoice.py, python3 {sys.version.split()[0]} compiled once {best:8.1f} us CPU")
