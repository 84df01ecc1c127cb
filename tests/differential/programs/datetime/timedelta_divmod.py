from datetime import timedelta, date
print(divmod(timedelta(hours=5), timedelta(hours=2)))
print(divmod(timedelta(days=-1, seconds=5), timedelta(hours=7)))
hours, rest = divmod(timedelta(minutes=135), timedelta(hours=1))
print(hours, rest)
for f in [lambda: divmod(timedelta(1), 2), lambda: divmod(3, timedelta(1)), lambda: divmod(date(2024, 1, 1), timedelta(1))]:
    try:
        f()
    except TypeError as e:
        print(e)
try:
    divmod(timedelta(1), timedelta(0))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
