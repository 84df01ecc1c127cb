from datetime import timedelta
a, b = timedelta(hours=5), timedelta(minutes=45)
print(a + b, a - b, b - a, -a, +b, abs(-a))
print(a * 3, 3 * a, a * 0.5, 0.25 * a, a / 4, a / 2.5, a / b, a // b, a // 7, a % b)
print(timedelta(days=1) / timedelta(hours=1), timedelta(days=-1) // timedelta(hours=5))
print(timedelta(seconds=1) / 3, timedelta(seconds=10) * 1.1)
