from datetime import timedelta
print(timedelta(), timedelta(1), timedelta(0, 1), timedelta(0, 0, 1))
print(timedelta(weeks=1, days=1, hours=1, minutes=1, seconds=1, milliseconds=1, microseconds=1))
print(timedelta(days=1.5), timedelta(hours=-1), timedelta(seconds=-1), timedelta(microseconds=-1))
print(timedelta(minutes=0.5), timedelta(milliseconds=1.5), timedelta(seconds=1e-7), timedelta(seconds=2.5e-6))
print(repr(timedelta(days=-1, seconds=86399)), repr(timedelta()), repr(timedelta(seconds=5)))
