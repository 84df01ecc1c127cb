rows = [{"n": 2}, {"n": 1}, {"m": 3}]
rows.sort(key=lambda r: r["n"])
