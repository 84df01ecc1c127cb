from datetime import date
d = date(5, 3, 9)
print(d.isoformat(), str(d), repr(d), d.ctime())
print(date(2024, 11, 22).ctime(), date(2024, 11, 22).isocalendar()[1])
