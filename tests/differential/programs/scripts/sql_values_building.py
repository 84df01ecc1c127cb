names = ['INV-1', 'INV-2', "O'Brien"]
placeholders = ', '.join(['%s'] * len(names))
query = f"select name, status from `tabSales Invoice` where name in ({placeholders})"
print(query)
values = tuple(names)
print(values)
named = "select * from tabItem where item_group = %(group)s and disabled = %(disabled)s"
print(named % {'group': "'Products'", 'disabled': 0})
