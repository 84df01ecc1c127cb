if doc.status == "Draft" and not doc.get("approved_by"):
    frappe.throw(_("Approval required"), title=_("Not Allowed"))
elif doc.status in ("Submitted", "Paid"):
    doc.flags.ignore_permissions = True
else:
    pass
conditions = []
if frappe.form_dict.get("from_date"):
    conditions.append("posting_date >= %(from_date)s")
data = frappe.db.sql(
    """select name, grand_total from `tabSales Invoice`
    where docstatus = 1 {0}""".format(" and ".join(conditions)),
    frappe.form_dict,
    as_dict=1,
)
