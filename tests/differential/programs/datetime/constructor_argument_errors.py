from datetime import date, datetime, time, timedelta
calls = [
    lambda: date(2024, 1),
    lambda: date(2024, 1, 1, 1),
    lambda: date(2024, 1, day=1, month=2),
    lambda: datetime(2024),
    lambda: datetime(2024, 1, 1, 0, 0, 0, 0, None, 0),
    lambda: time(1, 2, 3, 4, None, 0, 7),
    lambda: timedelta(1, 2, 3, 4, 5, 6, 7, 8),
    lambda: timedelta(years=1),
]
for f in calls:
    try:
        f()
    except TypeError as e:
        print(e)
