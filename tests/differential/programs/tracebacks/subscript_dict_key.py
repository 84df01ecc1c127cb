row = {"name": "Widget", "qty": 3}
print(row["name"])
price = row["qty"] * row["price"]
