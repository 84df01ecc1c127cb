if (n := len(a)) > 10:
    print(n)
while (chunk := f.read(10)):
    pass
data = [y for x in range(5) if (y := x * 2) > 4]
print(total := 10)
f(x := 1, y=2)
a = [z := 5, z + 1]
