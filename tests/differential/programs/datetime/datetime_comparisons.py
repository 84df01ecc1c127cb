from datetime import datetime
a = datetime(2024, 1, 1, 9, 0)
b = datetime(2024, 1, 1, 17, 30)
print(a < b, a <= a, b > a, a >= b, a == datetime(2024, 1, 1, 9), a != b)
events = [b, a, datetime(2023, 12, 31, 23, 59)]
print(sorted(events))
print(max(events) - min(events))
