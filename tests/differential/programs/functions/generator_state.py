def gen():
    print('started')
    yield 1
    print('resumed')
    yield 2
    print('finishing')
g = gen()
print('created')
for v in g:
    print('got', v)
print(list(g))
g2 = (print('genexp eval', x) or x for x in range(2))
print('before iteration')
print(list(g2))
