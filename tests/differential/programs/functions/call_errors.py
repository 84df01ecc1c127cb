def f(a, b=1):
    return a
cases = [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: f(b=2),
         lambda: len(), lambda: len(1, 2), lambda: (lambda: 0)(1), lambda: f(*5), lambda: f(**[1])]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
