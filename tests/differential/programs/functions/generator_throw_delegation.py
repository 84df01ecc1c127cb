# throw() and close() through `yield from`, PEP 479, and generators driven by for loops.
def inner():
    try:
        x = yield 1
        print('inner got', x)
        yield 2
    except ValueError as e:
        print('inner caught', e)
        yield 'recovered'
        return 'inner-done'
    finally:
        print('inner finally')


def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'after'


g = outer()
print(next(g))
print(g.send('hello'))
print(g.throw(ValueError('boom')))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)

g = outer()
next(g)
g.close()
print('closed with delegate')

g = outer()
next(g)
try:
    g.throw(KeyError, 'k')
except KeyError as e:
    print('escaped', repr(e))
print(list(g))


def bad():
    yield 1
    raise StopIteration('x')


try:
    for v in bad():
        print('bad', v)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


def counter(n):
    i = 0
    try:
        while i < n:
            yield i
            i += 1
    finally:
        print('counter finally', i)


c = counter(3)
print(next(c), next(c))
c.close()
print(list(counter(2)))


def fail_at(k):
    for i in range(5):
        if i == k:
            raise ValueError('fail %d' % i)
        yield i


def relay(k):
    total = yield from fail_at(k)
    return total


out = []
try:
    for v in relay(3):
        out.append(v)
except ValueError as e:
    out.append(str(e))
print(out)


def gen_ret():
    yield 1
    return 'val'


def wrap():
    v = yield from gen_ret()
    yield v
    v2 = yield from [10, 20]
    yield v2
    v3 = yield from (x * 2 for x in range(3))
    yield v3


print(list(wrap()))


def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ig = ignore_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print('RuntimeError', e)

fresh = counter(3)
fresh.close()
print(list(fresh))
try:
    counter(3).throw(TypeError('early'))
except TypeError as e:
    print('early', e)


def echo():
    while True:
        try:
            v = yield
        except IndexError:
            print('echo caught')
            continue
        print('echo', v)


def echo_relay():
    yield from echo()


e = echo_relay()
next(e)
e.send(1)
e.throw(IndexError)
e.send(2)
e.close()
try:
    e.send(3)
except StopIteration:
    print('stopped')
print(sum(x for x in counter(4)))
nested = ((a, b) for a in counter(2) for b in counter(2))
print(list(nested))
