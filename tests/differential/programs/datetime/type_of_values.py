from datetime import date, datetime, time, timedelta, timezone
d = date(2024, 1, 2)
dt = datetime(2024, 1, 2, 3)
print(type(d), type(dt), type(time()), type(timedelta()), type(timezone.utc))
print(type(d) is date, type(dt) is datetime, type(dt) is date, type(timedelta(1)) == timedelta)
print(date, datetime, timedelta)
print(type(d)(2020, 5, 6), type(dt).combine(d, time(1)))
print(isinstance(dt, type(d)), isinstance(d, type(dt)))
