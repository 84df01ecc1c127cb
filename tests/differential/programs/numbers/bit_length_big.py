# Found by the generator: int methods on ints beyond int64.
for n in [2 ** 63, -(2 ** 63) - 1, 3 ** 90, -(10 ** 30), 2 ** 200 - 1]:
    print(n.bit_length(), n.bit_count(), (n ** 3).bit_length(), n.to_bytes(32, 'big', signed=True).hex()[:12])
