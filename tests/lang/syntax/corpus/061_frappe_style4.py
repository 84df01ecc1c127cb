def validate_rows(doc):
    seen = set()
    for row in doc.get("items") or []:
        key = (row.item_code, row.warehouse)
        if key in seen:
            frappe.throw("Duplicate row {0}".format(row.idx))
        seen.add(key)
    return len(seen)
count = validate_rows(doc)
frappe.log_error(title="rows", message=str(count)) if count > 100 else None
