results = [y for x in data if (y := transform(x)) is not None]
filtered = {k: v for k, v in pairs if (n := len(v)) > 1}
any_big = any((big := x) > 100 for x in values)
