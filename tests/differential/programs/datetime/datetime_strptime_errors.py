from datetime import datetime
for text, fmt in [("2024-13-01", "%Y-%m-%d"), ("2024-01-01 extra", "%Y-%m-%d"), ("abc", "%Y"), ("31/02/2024", "%d/%m/%Y")]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print(e)
try:
    datetime.strptime(2024, "%Y")
except TypeError as e:
    print(e)
