assert a
assert a, 'message'
assert isinstance(x, int), f"got {type(x)}"
assert (a, b)
assert not a
