from datetime import timedelta
try:
    timedelta.max + timedelta(days=1)
except OverflowError as e:
    print(e)
try:
    timedelta.max * 2
except OverflowError as e:
    print(e)
print(timedelta.min + timedelta.max)
-timedelta.min
