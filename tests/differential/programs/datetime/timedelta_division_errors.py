from datetime import timedelta
for f in [lambda: timedelta(1) / 0, lambda: timedelta(1) // 0, lambda: timedelta(1) / timedelta(0), lambda: timedelta(1) % timedelta(0)]:
    try:
        f()
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
for f in [lambda: timedelta(1) + 1, lambda: 1 - timedelta(1), lambda: timedelta(1) * "x", lambda: timedelta(1) * timedelta(1)]:
    try:
        f()
    except TypeError as e:
        print(e)
