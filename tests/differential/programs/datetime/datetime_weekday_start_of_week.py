from datetime import datetime, timedelta
dt = datetime(2024, 11, 22, 15, 0)
start = dt - timedelta(days=dt.weekday())
print(dt.weekday(), dt.isoweekday(), start.replace(hour=0, minute=0))
month_start = dt.replace(day=1)
next_month = (month_start + timedelta(days=32)).replace(day=1)
print(month_start.date(), (next_month - timedelta(days=1)).date())
