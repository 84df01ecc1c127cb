a = 2 ** 100
b = 3 ** 50
print(a + b, a - b, a * b, a // b, a % b, divmod(-a, b), a ** 2 % 1000007, -a // 7, a >> 90, 1 << 70, a & (b - 1), a | 1, a ^ b)
print(str(a)[:10], len(str(a * b)), hex(a), a.bit_length(), float(a), a / b, a == 2.0 ** 100, a > 1e30, hash(a) == hash(float(a)))
