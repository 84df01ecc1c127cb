x = 5
print(1 if x else 2 + 10, (1 if x else 2) + 10, 'a' + ('b' if x > 3 else 'c'), [1, 2] if not x else None)
print(x if x > 10 else x * 2 if x > 3 else -x, (lambda: 'y' if x else 'n')())
f = lambda v: v if v else 'empty'
print(f(0), f('x'), f([]) or 'still empty')
