def inner(n):
    for i in range(n):
        yield i
def outer():
    yield 'start'
    yield from inner(3)
    yield from 'ab'
    yield from [10, 20]
    yield 'end'
print(list(outer()))
def tree(depth):
    if depth == 0:
        yield 'leaf'
        return
    yield f'node{depth}'
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
