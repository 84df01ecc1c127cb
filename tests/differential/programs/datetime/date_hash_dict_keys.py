from datetime import date, datetime, timedelta
totals = {}
for day, amount in [(date(2024, 1, 1), 5), (date(2024, 1, 2), 7), (date(2024, 1, 1), 3)]:
    totals[day] = totals.get(day, 0) + amount
print(totals)
print(len({date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)}))
print({timedelta(days=1): "a"}[timedelta(hours=24)])
print(datetime(2024, 1, 1, 10) in {datetime(2024, 1, 1, 10): 1})
