from datetime import date
d = date(2024, 1, 1)
try:
    d.year = 2025
except AttributeError as e:
    print("AttributeError")
print(d)
