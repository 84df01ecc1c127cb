try:
    x = 1
finally:
    raise KeyError("in finally")
