x = 1
a = f"{x}"
b = f"{x + 1} and {x * 2}"
c = f"prefix {x!r} suffix"
d = (f"{x}"
     f"{x}")
e = f"{x:{x}}"
