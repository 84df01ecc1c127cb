# Raising and catching exceptions in a loop, with finally and re-raise.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1
    finally:
        pass


def checked(d, k):
    try:
        return d[k]
    except KeyError as e:
        return len(str(e))


values = ["12", "x", "7", "", "42", "3.5"] * 200
total = sum(parse(v) for v in values)
d = {"a": 1, "b": 2}
misses = sum(checked(d, k) for k in ["a", "zz", "b", "q"] * 300)
result = (total, misses)
