from datetime import datetime, date, time
dt = datetime(2024, 1, 31, 10, 20, 30)
print(dt.replace(hour=0, minute=0, second=0), dt.replace(year=2023, month=2, day=28), dt.replace(microsecond=5))
print(datetime.combine(date(2024, 1, 2), time(3, 4, 5)), datetime.combine(date(2024, 1, 2), time()))
print(dt.date(), dt.time(), repr(dt.date()), repr(dt.time()))
try:
    dt.replace(month=2)
except ValueError as e:
    print(e)
try:
    datetime.combine("2024-01-02", time())
except TypeError as e:
    print(e)
