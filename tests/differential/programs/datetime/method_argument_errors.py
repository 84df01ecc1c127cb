from datetime import date, datetime, timedelta
d = date(2024, 1, 1)
dt = datetime(2024, 1, 1, 12)
calls = [
    lambda: d.strftime(5),
    lambda: d.strftime(),
    lambda: d.isoformat(1),
    lambda: d.weekday(1),
    lambda: dt.isoformat(1),
    lambda: dt.isoformat("ab"),
    lambda: datetime.strptime("2024"),
    lambda: date.today(1),
    lambda: date.fromisoformat(),
    lambda: d.replace(foo=1),
    lambda: timedelta(days=1).total_seconds(1),
    lambda: datetime.combine("2024-01-01", dt.time()),
]
for f in calls:
    try:
        f()
    except TypeError as e:
        print(e)
print(d.replace(2025), dt.replace(2023, 6))
