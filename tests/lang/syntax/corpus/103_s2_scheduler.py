from datetime import date, timedelta
today = date.today()
overdue = frappe.get_all("Task", filters={"exp_end_date": ["<", today], "status": ["!=", "Closed"]})
for task in overdue:
    frappe.db.set_value("Task", task.name, "status", "Overdue", update_modified=False)
frappe.db.commit()
