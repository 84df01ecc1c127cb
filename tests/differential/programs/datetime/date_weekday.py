from datetime import date
for day in range(1, 15):
    d = date(2024, 1, day)
    print(d, d.weekday(), d.isoweekday(), d.strftime("%A %a"))
