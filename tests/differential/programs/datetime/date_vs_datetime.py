from datetime import date, datetime
d = date(2024, 1, 1)
dt = datetime(2024, 1, 1)
print(d == dt, dt == d, d != dt)
print(isinstance(dt, date), isinstance(d, datetime))
try:
    d < dt
except TypeError as e:
    print(e)
try:
    dt > d
except TypeError as e:
    print(e)
