a = "{} {}".format(1, 2)
b = "{0:>10} {1:<5} {2:^7}".format("x", "y", "z")
c = "{name} is {age}".format(**person)
d = "%-10s|%5.1f|%03d" % ("x", 1.25, 7)
e = "%(name)s" % {"name": "n"}
f = format(1234.5, ",.2f")
