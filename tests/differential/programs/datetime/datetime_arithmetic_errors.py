from datetime import datetime, date, time, timedelta
dt = datetime(2024, 1, 1)
for f in [lambda: dt + dt, lambda: dt - date(2024, 1, 1), lambda: dt + 1, lambda: time(1) + timedelta(1), lambda: dt * 2]:
    try:
        f()
    except TypeError as e:
        print(e)
