from datetime import date, timedelta, timezone
try:
    date.min.note = "x"
except AttributeError as e:
    print("AttributeError", e)
try:
    timezone.utc.label = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    timedelta.max.extra = 2
except AttributeError as e:
    print("AttributeError", e)
print(date.min, timezone.utc, timedelta.max)
