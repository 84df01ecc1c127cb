from datetime import date, timedelta
try:
    date.max + timedelta(days=1)
except OverflowError as e:
    print("OverflowError", e)
try:
    date.min - timedelta(days=1)
except OverflowError as e:
    print("OverflowError", e)
print(date.max - date.min)
