x = 'outer'
L = [x for x in range(3)]
print(x, L)
y = 10
print([y + i for i in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
print([i for i in range(5)][-1], sum(i for i in range(101)))
