def stats(values):
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / n
    return n, mean, var, min(values), max(values)
n, mean, var, lo, hi = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(n, mean, var, var ** 0.5, lo, hi)
print(stats([1.5]))
def nothing():
    return
print(nothing(), type(nothing()).__name__)
