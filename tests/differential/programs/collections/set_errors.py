s = {1}
for f in [lambda: s.remove(5), lambda: set().pop(), lambda: s.add([1]), lambda: {{1}}]:
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
