vals = ['', ' ', '\t', '\n', '  x  ', '\u3000']
for v in vals:
    print(repr(v), len(v), bool(v), repr(v.strip()), v.isspace(), repr(v * 2))
