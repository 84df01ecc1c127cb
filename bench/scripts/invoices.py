"""The Sales Invoices the bench posts: 50 item rows and 2 tax rows each, as
/work/shared/bench/README.md describes validate_invoice.py's input (invoice.lua
posts the same shape under wrk). Invoice n has its own posting date, so
api_report.py's "newest 500" is one set of rows whatever the tie order."""
import datetime


def invoice(n):
    return {
        "customer": f"CUST-{n % 20:02d}",
        "status": "Unpaid",
        "posting_date": (datetime.date(2017, 1, 1) + datetime.timedelta(days=n)).isoformat(),
        "items": [{"item_code": f"SKU-{(n + i) % 7}", "qty": i % 5 + 1, "rate": 12.5 + i,
                   **({"discount_percentage": 10} if i % 3 == 0 else {})} for i in range(1, 51)],
        "taxes": [{"description": "VAT", "rate": 9}, {"description": "Levy", "rate": 5}],
    }
