"""Posts COUNT Sales Invoices (invoices.py, numbered from 1) through
frappe.client.insert_many, 100 a request (each runs the Before Save
script as a single insert does), for api_report.py to summarise.
Usage: seed_invoices.py BASE TOKEN COUNT"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from invoices import invoice  # noqa: E402
from rest import request  # noqa: E402

base, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for first in range(1, count + 1, 100):
    docs = [{"doctype": "Sales Invoice", **invoice(n)} for n in range(first, min(first + 100, count + 1))]
    request(base, token, "POST", "/api/method/frappe.client.insert_many", json.dumps({"docs": docs}))
