def gen():
    yield 1
    yield 2
    return 'done'
g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value:', e.value, repr(e))
def wrapper():
    result = yield from gen()
    yield 'inner returned ' + result
print(list(wrapper()))
