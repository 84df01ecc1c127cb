totals = {}
for entry in frappe.get_all("GL Entry", fields=["account", "debit", "credit"]):
    bucket = totals.setdefault(entry.account, {"debit": 0.0, "credit": 0.0})
    bucket["debit"] += entry.debit or 0
    bucket["credit"] += entry.credit or 0
report = sorted(totals.items(), key=lambda kv: kv[1]["debit"] - kv[1]["credit"], reverse=True)
frappe.response["report"] = report[:10]
