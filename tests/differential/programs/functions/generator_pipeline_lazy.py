log = []
def source(n):
    for i in range(n):
        log.append(f'produce {i}')
        yield i
def double(it):
    for x in it:
        log.append(f'double {x}')
        yield x * 2
g = double(source(3))
print(log)
print(next(g), log)
print(list(g))
print(log)
