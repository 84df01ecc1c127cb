# Found by the generator: three-argument pow with ints beyond int64, and its errors.
big = 1111403865718109277472548133
print(pow(big, 3, 1000003), pow(3, big, 10 ** 9 + 7), pow(big, big, 2 ** 64), pow(-big, 5, 97), pow(big, 2, -7))
print(pow(2 ** 70, 10 ** 20, 10 ** 30 + 57), pow(7, -1, 2 ** 61 - 1), pow(big, -1, 1000003))
for args in [(big, big, 0), (2, -1, 4), (big, -1, 2 ** 64), (2.0, big, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
