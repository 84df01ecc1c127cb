from datetime import timedelta
for td in [timedelta(days=2, hours=3, microseconds=7), timedelta(hours=-30), timedelta(seconds=90061.5)]:
    print(td, td.days, td.seconds, td.microseconds, td.total_seconds())
