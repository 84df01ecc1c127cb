from datetime import datetime, timedelta
dt = datetime(2024, 2, 28, 22, 30)
print(dt + timedelta(hours=2), dt + timedelta(days=1, minutes=45), dt - timedelta(seconds=1))
print(timedelta(microseconds=1) + dt, dt - timedelta(days=365))
delta = datetime(2024, 3, 1, 8, 0) - dt
print(delta, repr(delta), delta.days, delta.seconds, delta.total_seconds())
print(dt - datetime(2024, 3, 1), (dt - datetime(2024, 3, 1)).total_seconds())
