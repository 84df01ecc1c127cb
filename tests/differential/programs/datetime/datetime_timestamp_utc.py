from datetime import datetime, timezone, timedelta
u = datetime(2024, 1, 1, tzinfo=timezone.utc)
print(u.timestamp(), datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1700000000.5, tz=timezone.utc))
print(datetime(2024, 1, 1, 5, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))).timestamp())
