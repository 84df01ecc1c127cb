from datetime import datetime, timezone, timedelta
u = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
print(u, repr(u), u.tzinfo, repr(u.tzinfo), u.utcoffset(), u.isoformat())
ist = timezone(timedelta(hours=5, minutes=30))
print(ist, repr(ist), u.astimezone(ist), u.astimezone(ist) == u)
named = timezone(timedelta(hours=-3), "BRT")
print(named, repr(named), u.astimezone(named).strftime("%H:%M %Z %z"))
print(u - datetime(2024, 1, 1, 17, 30, tzinfo=ist))
