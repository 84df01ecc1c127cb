conditions = []
user = frappe.session.user
if "System Manager" not in frappe.get_roles(user):
    conditions.append(f"`tabTask`.owner = {frappe.db.escape(user)}")
conditions = " and ".join(conditions) or None
