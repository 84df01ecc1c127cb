from datetime import date
for s in ["2024-01-05", "20240105", "2024-W01-1", "0001-01-01"]:
    print(s, date.fromisoformat(s))
for s in ["2024-1-5", "2024-01-32", "", "2024/01/05", "2024-01-05T00:00"]:
    try:
        date.fromisoformat(s)
    except ValueError as e:
        print("ValueError", e)
try:
    date.fromisoformat(20240105)
except TypeError as e:
    print("TypeError", e)
