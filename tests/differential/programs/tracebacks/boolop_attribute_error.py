x = None
ok = x is None or x.y
ok = x is not None or x.y
