from datetime import datetime
for args in [(2024, 1, 1, 24), (2024, 1, 1, 0, 60), (2024, 1, 1, 0, 0, 60), (2024, 1, 1, 0, 0, 0, 1000000), (2024, 2, 30)]:
    try:
        datetime(*args)
    except ValueError as e:
        print(args, e)
try:
    datetime(2024, 1, 1, 1.5)
except TypeError as e:
    print(e)
try:
    datetime(2024, 1, 1, tzinfo="UTC")
except TypeError as e:
    print(e)
