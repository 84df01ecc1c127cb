@frappe.whitelist()
def get_summary(customer, from_date=None, to_date=None, *, limit=50):
    filters = {"customer": customer, "docstatus": 1}
    if from_date and to_date:
        filters["posting_date"] = ["between", [from_date, to_date]]
    rows = frappe.get_list("Sales Invoice", filters=filters, fields=["name", "grand_total"], limit=limit)
    return {"count": len(rows), "total": sum(r.grand_total for r in rows), "rows": rows}
