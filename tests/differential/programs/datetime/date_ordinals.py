from datetime import date
d = date(2024, 3, 1)
print(d.toordinal(), date.fromordinal(d.toordinal()), date.fromordinal(1), date.min.toordinal())
try:
    date.fromordinal(0)
except ValueError as e:
    print(e)
