a = 1 .real
b = 1..hex()
c = 1.e5
d = 0x1.real if False else 0
f = 0o7_7
g = 0b_1
h = 1e-0_5
