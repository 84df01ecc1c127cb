def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(25), fact(30) // fact(28), fact(50) % (10 ** 9 + 7))
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[93], fib[92] + fib[91] == fib[93], sum(fib) % 1000003)
