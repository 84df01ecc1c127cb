def outer():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise TypeError("outer") from e
try:
    outer()
except TypeError:
    raise
