from datetime import timedelta
a, b = timedelta(hours=24), timedelta(days=1)
print(a == b, a != b, a < timedelta(days=2), a >= b, timedelta(0) == timedelta(), a == 86400)
print(bool(timedelta(0)), bool(timedelta(microseconds=1)), sorted([timedelta(3), timedelta(-1), timedelta(0)]))
try:
    a < 5
except TypeError as e:
    print(e)
