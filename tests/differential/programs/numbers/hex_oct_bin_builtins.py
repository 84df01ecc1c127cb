for v in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 70)]:
    print(hex(v), oct(v), bin(v))
print(int(hex(12345), 16), int(bin(-77), 2), int(oct(999), 8))
