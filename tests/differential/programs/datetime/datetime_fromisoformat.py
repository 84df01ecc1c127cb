from datetime import datetime
for s in ["2024-01-05", "2024-01-05T10:30", "2024-01-05 10:30:15", "2024-01-05T10:30:15.123", "2024-01-05T10:30:15.123456", "2024-01-05T10:30:15+05:30", "2024-01-05T10:30:15Z"]:
    dt = datetime.fromisoformat(s)
    print(s, "->", dt, repr(dt))
for s in ["2024-01-05T25:00", "not a date", "2024-01-05T10:30:15.1234567"]:
    try:
        datetime.fromisoformat(s)
    except ValueError as e:
        print(e)
