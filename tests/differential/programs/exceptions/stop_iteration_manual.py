def take(it, n):
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
print(take(iter('abc'), 2), take(iter([]), 2), take(iter(range(3)), 10))
