from datetime import date
d = date(2024, 1, 31)
print(d.replace(month=3), d.replace(year=2000, day=1), d.replace())
try:
    d.replace(month=2)
except ValueError as e:
    print(e)
