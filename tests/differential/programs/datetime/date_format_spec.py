from datetime import date, datetime
d = date(2024, 3, 9)
dt = datetime(2024, 3, 9, 7, 5)
print(f"{d}", f"{d:%d %b %Y}", f"{dt:%H:%M}", f"{dt}")
print(format(d, ""), format(dt, "%Y"), "{:%m/%d}".format(d))
print("%s | %r" % (d, dt))
