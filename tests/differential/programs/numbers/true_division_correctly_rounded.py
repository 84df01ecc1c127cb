# int / int: exact operands divide once; larger ones give the correctly rounded quotient.
cases = [
    (2**53 + 1, 3), (2**63 - 1, 7), (-(2**63), 3), (10**20, 3), (3, 10**20), (2**1000, 3**500),
    (1, 2**1074 * 3), (10**400, 10**92), (-7, 2**60 + 1), (2**54 + 3, 2**54 + 1),
    (12345678901234567891, 98765432109876543), (True, 3), (2**53 + 1, 2**53 + 3), (-(2**62) - 1, -(2**61) - 3),
]
for a, b in cases:
    print(a / b, (-a) / b, a / -b)
for k in range(50, 70):
    print(k, (2**k + 1) / 3, (3**k) / (2**k + 7), (2**k - 1) / (2**k + 1))
try:
    print(2**1024 / 1)
except OverflowError as e:
    print(e)
try:
    print(10**400 / 10**50)
except OverflowError as e:
    print(e)
try:
    print(5 / 0)
except ZeroDivisionError as e:
    print(e)
x = 2**60 + 1
x /= 3
print(x)
