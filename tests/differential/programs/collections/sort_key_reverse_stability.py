rows = [{'n': 'b', 'v': 2}, {'n': 'a', 'v': 2}, {'n': 'c', 'v': 1}, {'n': 'd', 'v': 3}]
print([r['n'] for r in sorted(rows, key=lambda r: r['v'])], [r['n'] for r in sorted(rows, key=lambda r: r['v'], reverse=True)])
print(sorted(['b', 'A', 'c', 'B'], key=str.lower), sorted([3, 1, 2], reverse=True), sorted('bca'), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
l = [5, 3, 9]; l.sort(key=lambda x: -x); print(l)
for bad in [[1, 'a'], [None, 1], [{}, {}]]:
    try:
        sorted(bad)
    except TypeError as e:
        print('TypeError', e)
print(min([3, 1, 2], key=lambda x: -x), max('abc'), max([], default=0), min(1, 2, 3))
