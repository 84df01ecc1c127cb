from datetime import datetime
for dt in [datetime(2024, 1, 1), datetime(2024, 1, 1, 0, 0, 0, 1), datetime(2024, 12, 31, 23, 59, 59, 500000), datetime(1, 1, 1)]:
    print(str(dt), repr(dt), dt.ctime())
