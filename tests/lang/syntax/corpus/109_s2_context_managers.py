with frappe.db.savepoint("sp") as sp, open("/tmp/x") as fh:
    data = fh.read()
with (
    open("a") as a,
    open("b") as b,
):
    pass
with lock: counter += 1
