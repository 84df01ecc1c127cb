data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 6])
print(y)
i = 0
while (i := i + 1) < 4:
    print('i', i)
total = (a := 10) + (b := 20)
print(total, a, b)
print((w := 5) * w)
