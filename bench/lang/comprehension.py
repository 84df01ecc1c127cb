# List, dict and set comprehensions with conditions and nested clauses.
nums = list(range(2000))
squares = [n * n for n in nums if n % 3]
pairs = [(a, b) for a in range(40) for b in range(a, 40) if (a + b) % 5 == 0]
index = {n: str(n) for n in nums if n % 7 == 0}
residues = {n % 97 for n in nums}
result = (sum(squares) % 1000003, len(pairs), len(index), len(residues))
