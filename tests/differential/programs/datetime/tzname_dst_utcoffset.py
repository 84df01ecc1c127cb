from datetime import datetime, time, timezone, timedelta
naive = datetime(2024, 1, 1, 8)
aware = datetime(2024, 1, 1, 8, tzinfo=timezone(timedelta(hours=2), "EET"))
print(naive.tzname(), naive.dst(), naive.utcoffset())
print(aware.tzname(), aware.dst(), aware.utcoffset(), aware.tzinfo.utcoffset(aware))
print(timezone.utc.tzname(None), timezone(timedelta(minutes=-90)).tzname(None))
t = time(5, tzinfo=timezone.utc)
print(t.tzname(), t.utcoffset(), t.dst(), time(5).tzname())
