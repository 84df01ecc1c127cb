def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
g = echo()
print(next(g), g.send('a'), g.send('b'), g.send(None))
def closable():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
c = closable()
print(next(c))
c.close()
print('closed')
