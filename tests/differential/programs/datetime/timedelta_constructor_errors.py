from datetime import timedelta
try:
    timedelta(days="1")
except TypeError as e:
    print(e)
try:
    timedelta(hours=None)
except TypeError as e:
    print(e)
try:
    timedelta(days=1000000000)
except OverflowError as e:
    print(e)
try:
    timedelta(years=1)
except TypeError as e:
    print("TypeError")
timedelta(weeks=200000000)
