from datetime import date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day)
print(date(1, 1, 1), date(9999, 12, 31), date(year=2020, month=5, day=17))
