s = "  Hello, World  "
parts = s.strip().lower().split(", ")
joined = "-".join(p.capitalize() for p in parts)
formatted = "{0} has {1:>5d} items, {name!r}".format("cart", 3, name="x")
percent = "%s is %d years and %.2f%%" % ("Bob", 30, 99.5)
print(joined.center(20, "*"), formatted, percent, s.find("World"), s.replace("l", "L", 1))
