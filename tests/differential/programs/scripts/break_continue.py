rows = [3, -1, 4, 0, 5, 9, 2, 6]
total = 0
for r in rows:
    if r < 0:
        continue
    if r == 9:
        break
    total += r
print(total)
found = None
for i, r in enumerate(rows):
    if r == 0:
        found = i
        break
print('found at', found)
for r in rows:
    if r > 100:
        break
else:
    print('no big value')
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 8:
        break
    print('even', n)
