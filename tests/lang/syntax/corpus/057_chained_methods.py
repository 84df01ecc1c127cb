result = (
    frappe.qb.from_(Item)
    .select(Item.name, Item.rate)
    .where(Item.disabled == 0)
    .orderby(Item.name)
    .run(as_dict=True)
)
