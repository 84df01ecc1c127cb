# The VM's inline int/float arithmetic and comparison against the general rules.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 2**31, -2**31, 2**53, 2**53 + 1, -2**53 - 1,
        2**62, -2**62, 2**63 - 1, -2**63, 9007199254740993, 123456789012345678]
out = []
for a in vals:
    for b in vals:
        out.append((a + b, a - b, a * b, a & b, a | b, a ^ b))
        if b:
            out.append((a % b, a // b, divmod(a, b)))
            if abs(a) <= 2**53 and abs(b) <= 2**53:
                out.append(a / b)
        if 0 <= b < 70:
            out.append((a >> b, a << b))
        out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
        x = a
        x %= b or 5
        x //= 3
        x <<= 2
        out.append(x)
print(len(out))
for i in range(0, len(out), 40):
    print(out[i:i + 40])
fl = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, 3.0, float('inf'), float('-inf'), float('nan'), 5e-324]
res = []
for a in fl:
    for b in fl:
        res.append(repr((a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b)))
        if b:
            res.append(repr(a / b))
print(len(res))
for r in res[::7]:
    print(r)
for a, b in [(7, 0), (7.0, 0.0), (-2**63, -1)]:
    for op in (lambda: a % b, lambda: a // b, lambda: a / b):
        try:
            print(op())
        except ZeroDivisionError as e:
            print('ZeroDivisionError', e)
try:
    print(1 << -1)
except ValueError as e:
    print('ValueError', e)
try:
    print(1 >> -1)
except ValueError as e:
    print('ValueError', e)
s1 = 'ab' + 'c'
print(s1 == 'abc', s1 != 'abc', 'x' == 'y', 'x' != 'y', 'é' == 'é', s1 == 3, 3 != s1)
print(True + True, True * 3, 5 % True, True / 2)
