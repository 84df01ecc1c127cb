# Copied from shared/bench/scripts/compute.py, with the result printed.
words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 60).split()
counts = {}
for i, w in enumerate(words):
    key = w.upper() if i % 3 == 0 else w
    counts[key] = counts.get(key, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
lines = []
for n in range(1, 400):
    if n % 15 == 0:
        lines.append("FizzBuzz")
    elif n % 3 == 0:
        lines.append("Fizz")
    elif n % 5 == 0:
        lines.append("Buzz")
    else:
        lines.append(f"{n:04d}")
sieve = [True] * 3000
primes = []
for p in range(2, 3000):
    if sieve[p]:
        primes.append(p)
        for m in range(p * p, 3000, p):
            sieve[m] = False
table = [{"n": p, "sq": p * p, "label": "p%d" % p} for p in primes if p % 4 == 1]
result = {"top": top, "fizz": len([l for l in lines if "Fizz" in l]), "primes": len(primes), "table": len(table), "s": sum(r["sq"] for r in table) % 1000003}
print(result)
print(lines[:16], table[:3])
