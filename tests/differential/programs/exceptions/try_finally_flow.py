def f(x):
    try:
        if x == 0:
            return 'zero'
        if x == 1:
            raise ValueError('one')
        return 'other'
    except ValueError as e:
        return 'caught ' + str(e)
    finally:
        print('finally', x)
for x in range(3):
    print(f(x))
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('g finally', i)
    return 'done'
print(g())
