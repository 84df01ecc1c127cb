def load(rows):
    return [check(r) for r in rows]


def check(row):
    return validate(row["qty"])


def validate(qty):
    if qty < 0:
        raise ValueError(f"negative quantity: {qty}")
    return qty


print(load([{"qty": 1}, {"qty": 2}]))
print(load([{"qty": 1}, {"qty": -2}]))
