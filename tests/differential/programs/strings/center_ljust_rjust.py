for w in [0, 3, 6, 7, 10]:
    print(repr('abc'.center(w)), repr('abc'.center(w, '*')), repr('ab'.center(w, '-')), repr('abc'.ljust(w, '.')), repr('abc'.rjust(w, '0')))
print(repr(''.center(3)), repr('x'.center(4, 'é')))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print(e)
