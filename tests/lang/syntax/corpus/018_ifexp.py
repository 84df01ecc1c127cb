a = x if y else z
b = (x if y else z)
c = x if y else z if w else v
d = [x if x > 0 else -x for x in xs]
e = f(a if b else c)
f = lambda: a if b else c
g = 1 + (2 if c else 3)
