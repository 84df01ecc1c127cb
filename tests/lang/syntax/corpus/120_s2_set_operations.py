a = {1, 2, 3}
b = {3, 4}
union = a | b
inter = a & b
diff = a - b
sym = a ^ b
a |= b
a &= {1}
a -= b
a ^= b
sub = a <= b
