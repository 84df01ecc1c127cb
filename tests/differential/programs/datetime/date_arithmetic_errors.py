from datetime import date, datetime, timedelta
d = date(2024, 1, 1)
for f in [lambda: d + 1, lambda: d + d, lambda: 1 + d, lambda: d - 5, lambda: d * 2, lambda: d - datetime(2024, 1, 1)]:
    try:
        f()
    except TypeError as e:
        print(e)
