# attack: two exceptions that are each other's cause
# expect: error TypeError b
a = ValueError("a")
b = TypeError("b")
try:
    raise a from b
except ValueError:
    pass
try:
    raise b from a
except TypeError:
    pass
raise b
