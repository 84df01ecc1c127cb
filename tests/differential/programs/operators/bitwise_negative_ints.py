for a in [-1, -8, -255, -(2 ** 64)]:
    for b in [7, -7, 255]:
        print(a, b, a & b, a | b, a ^ b)
print(-17 >> 2, -17 << 2, ~-17, -1 >> 63, (-1) & 0xFFFFFFFF)
