from datetime import datetime
print(datetime(2024, 1, 5), datetime(2024, 1, 5, 10, 30), datetime(2024, 1, 5, 10, 30, 15, 250000))
print(repr(datetime(2024, 1, 5)), repr(datetime(2024, 1, 5, 0, 0, 1)), repr(datetime(2024, 1, 5, 1, 2, 3, 4)))
dt = datetime(year=2023, month=12, day=31, hour=23, minute=59, second=59, microsecond=999999)
print(dt, dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond, dt.tzinfo, dt.fold)
