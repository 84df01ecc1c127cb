# attack: exceptions whose implicit contexts form a cycle (traceback printing must not loop)
# expect: error ValueError a
a = ValueError("a")
b = TypeError("b")
try:
    try:
        raise a
    except ValueError:
        raise b
except TypeError:
    try:
        raise a
    except ValueError:
        pass
raise a
