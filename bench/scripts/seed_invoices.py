"""Posts COUNT Sales Invoices (invoices.py, numbered from 1) through
frappe.client.insert_many, 10 a request (each runs the Before Save
script as a single insert does), for api_report.py to summarise. Not more
a request: with validate_invoice.py on, a request's inserts cost more the
more came before them in it (3 ms an invoice in tens, 14 ms in hundreds).
Usage: seed_invoices.py BASE TOKEN COUNT"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from invoices import invoice  # noqa: E402
from rest import request  # noqa: E402

base, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for first in range(1, count + 1, 10):
    docs = [{"doctype": "Sales Invoice", **invoice(n)} for n in range(first, min(first + 10, count + 1))]
    request(base, token, "POST", "/api/method/frappe.client.insert_many", json.dumps({"docs": docs}))
