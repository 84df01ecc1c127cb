memo = {}
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n in memo:
        return memo[n]
    memo[n] = ways(n - 1) + ways(n - 2) + ways(n - 3)
    return memo[n]
print([ways(i) for i in range(10)], ways(100))
