from datetime import date, timedelta
d = date(2024, 1, 31)
print(d + timedelta(days=1), d + timedelta(days=29), d - timedelta(days=31))
print(timedelta(days=366) + d, d + timedelta(hours=47), d - timedelta(hours=1))
print(date(2024, 12, 25) - date(2024, 1, 1), (date(2024, 1, 1) - date(2024, 12, 25)).days)
x = d
x += timedelta(weeks=2)
print(x)
