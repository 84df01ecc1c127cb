def gen():
    yield
def gen():
    yield 1
def gen():
    yield 1, 2
def gen():
    x = yield
def gen():
    x = yield 1
def gen():
    yield from range(10)
def gen():
    x = yield from other()
def gen():
    y = (yield)
    z = (yield x)
    await_ = yield
def gen():
    for i in range(3):
        yield i
    return 'done'
def gen():
    yield *a, b
    w = yield *a, b
def gen():
    print((yield))
    f((yield x))
