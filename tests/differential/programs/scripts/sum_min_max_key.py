rows = [{'n': 'a', 'v': 3}, {'n': 'b', 'v': 9}, {'n': 'c', 'v': -2}, {'n': 'd', 'v': 9}]
print(max(rows, key=lambda r: r['v'])['n'])
print(min(rows, key=lambda r: r['v'])['n'])
print(sum(r['v'] for r in rows))
print(max(r['v'] for r in rows), min(3, 1, 2), max(1.5, 2, key=abs))
print(sorted(rows, key=lambda r: r['v'])[0], [r['n'] for r in sorted(rows, key=lambda r: -r['v'])])
