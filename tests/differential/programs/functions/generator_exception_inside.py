def risky():
    yield 1
    raise ValueError('inside generator')
try:
    for v in risky():
        print(v)
except ValueError as e:
    print('caught', e)
def guarded():
    for i in range(3):
        try:
            yield 10 // (1 - i)
        except ZeroDivisionError:
            yield 'div0'
print(list(guarded()))
