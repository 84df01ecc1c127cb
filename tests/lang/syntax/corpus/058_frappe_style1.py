doc = frappe.get_doc("Sales Invoice", name)
total = 0
for item in doc.items:
    if item.qty <= 0:
        frappe.throw(f"Row {item.idx}: quantity must be positive")
    total += item.qty * item.rate
doc.grand_total = total
if doc.discount_percentage:
    doc.grand_total -= doc.grand_total * doc.discount_percentage / 100
frappe.msgprint("Total: {0}".format(frappe.format(total, "Currency")))
