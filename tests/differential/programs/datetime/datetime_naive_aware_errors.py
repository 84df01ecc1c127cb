from datetime import datetime, timezone
naive = datetime(2024, 1, 1)
aware = datetime(2024, 1, 1, tzinfo=timezone.utc)
print(naive == aware, naive != aware)
try:
    naive < aware
except TypeError as e:
    print(e)
naive - aware
