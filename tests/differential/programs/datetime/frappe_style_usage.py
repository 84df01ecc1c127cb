from datetime import date, datetime, timedelta
posting_date = date(2024, 11, 15)
due_date = posting_date + timedelta(days=30)
today = date(2024, 12, 20)
overdue_days = (today - due_date).days
print(due_date, overdue_days, "overdue" if today > due_date else "ok")
created = datetime(2024, 11, 15, 9, 30)
modified = datetime(2024, 11, 16, 10, 45, 30)
elapsed = modified - created
print(elapsed, elapsed.total_seconds() / 3600, round(elapsed.total_seconds() / 60))
print(posting_date.year, posting_date.month, created.date() == posting_date, str(posting_date) == "2024-11-15")
rows = [{"date": date(2024, 1, 3), "amt": 5}, {"date": date(2024, 1, 1), "amt": 2}]
rows.sort(key=lambda r: r["date"])
print([str(r["date"]) for r in rows])
