# int/float comparisons at the edge of int64, where a float no longer fits
# (found by the exec fuzzer: the float was converted to int64 out of range).
big = 9223372036854775807
small = -9223372036854775808
for f in [9.2e18, 9.223372036854775e18, 9.223372036854776e18, 9.25e18, 9.3e18,
          -9.223372036854776e18, -9.25e18, 2.0 ** 63, -(2.0 ** 63), float("inf"), float("-inf")]:
    print(f, big < f, big == f, big > f, small < f, small == f, small > f, f > big, f <= small)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, float("nan") == 0, 0 < float("nan"))
