from datetime import datetime
dt = datetime(2024, 5, 6, 7, 8, 9, 123456)
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(sep="_"))
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, dt.isoformat(timespec=spec), datetime(2024, 5, 6).isoformat(timespec=spec))
try:
    dt.isoformat(timespec="days")
except ValueError as e:
    print(e)
