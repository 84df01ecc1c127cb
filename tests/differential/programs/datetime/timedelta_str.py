from datetime import timedelta
for td in [timedelta(0), timedelta(days=1), timedelta(days=2), timedelta(days=-1), timedelta(days=-2, seconds=5), timedelta(hours=25), timedelta(microseconds=10), timedelta(days=999999999, seconds=86399, microseconds=999999), timedelta(seconds=-0.5)]:
    print(str(td), "|", repr(td))
