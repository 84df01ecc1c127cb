print(0 or 5, 3 or 5, 0 and 5, 3 and 5, '' or 'x', 'y' and '', [] or {}, None and 1)
def noisy(v):
    print('eval', v)
    return v
print(noisy(0) or noisy(1) or noisy(2))
print(noisy(1) and noisy(0) and noisy(2))
print(not noisy([]))
