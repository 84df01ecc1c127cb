def child(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
def parent():
    t1 = yield from child(2)
    t2 = yield from child(3)
    yield ('totals', t1, t2)
g = parent()
out = [next(g)]
try:
    while True:
        out.append(g.send(10))
except StopIteration:
    pass
print(out)
