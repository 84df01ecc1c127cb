from datetime import date
a, b = date(2024, 1, 1), date(2024, 6, 30)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a == date(2024, 1, 1), a != date(2024, 1, 1), a == "2024-01-01", a == None)
print(max(a, b), min([b, a]), sorted([b, a, date(2023, 5, 5)]))
