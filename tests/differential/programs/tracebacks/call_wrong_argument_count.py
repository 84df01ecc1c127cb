def make_row(name, qty):
    return {"name": name, "qty": qty}


print(make_row("a", 1))
row = make_row("a", 1, 2)
