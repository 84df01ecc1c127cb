customers = frappe.get_all(
    "Customer",
    filters={"disabled": 0, "customer_group": ["in", ["Retail", "Wholesale"]]},
    fields=["name", "customer_name", "credit_limit"],
    order_by="creation desc",
    limit=20,
)
frappe.response["message"] = [
    {"name": c.name, "label": c.customer_name, "over": c.credit_limit > 1000}
    for c in customers
    if c.customer_name
]
