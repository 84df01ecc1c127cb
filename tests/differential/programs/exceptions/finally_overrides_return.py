def g():
    try:
        return 'try'
    finally:
        return 'finally'
def h():
    try:
        raise KeyError('lost')
    finally:
        return 'finally swallowed exception'
def k():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print('finally in loop', i)
    return i
print(g(), h(), k())
