from datetime import datetime, timedelta, timezone
a = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
b = datetime(2024, 1, 1, 17, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
print(a == b, hash(a) == hash(b), len({a, b}))
print(hash(timedelta(days=1)) == hash(timedelta(hours=24)))
