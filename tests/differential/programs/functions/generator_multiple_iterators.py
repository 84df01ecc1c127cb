def g():
    yield from range(3)
a = g()
b = g()
print(next(a), next(a), next(b), list(a), list(b))
gen = (c for c in 'xyz')
print(list(zip(gen, gen)))
