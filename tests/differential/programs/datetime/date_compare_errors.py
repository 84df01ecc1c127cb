from datetime import date
try:
    date(2024, 1, 1) < "2024-01-02"
except TypeError as e:
    print(e)
date(2024, 1, 1) < 5
