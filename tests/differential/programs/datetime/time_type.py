from datetime import time
t = time(9, 5, 3, 7)
print(t, repr(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.isoformat(), t.isoformat("minutes"))
print(time(), repr(time()), time(23, 59, 59, 999999), time(12).strftime("%I %p"), f"{time(8, 30):%H.%M}")
print(time(1) < time(2), time(1, 30) == time(1, 30), sorted([time(5), time(1), time(3)]), bool(time()))
print(t.replace(hour=10), time.fromisoformat("10:11:12.5"), repr(time.fromisoformat("10:11")))
try:
    time(24)
except ValueError as e:
    print(e)
