from datetime import date, datetime, time, timedelta
d = date(2024, 5, 17)
dt = datetime(2024, 5, 17, 9, 30)
print(date.weekday(d), date.isoformat(dt), datetime.isoformat(dt), timedelta.total_seconds(timedelta(1)))
print(date.strftime(dt, "%Y %H"), date.replace(d, day=1))
for f in [lambda: date.weekday(5), lambda: datetime.isoformat(d), lambda: time.isoformat("x"),
          lambda: timedelta.total_seconds(None), lambda: date.strftime([], "%Y")]:
    try:
        f()
    except TypeError as e:
        print(e)
