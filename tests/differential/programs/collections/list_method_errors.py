L = [1, 2, 3]
for f in [lambda: L.pop(10), lambda: [].pop(), lambda: L.remove(9), lambda: L.index(9), lambda: L[5], lambda: L.insert(), lambda: L.append(1, 2)]:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
