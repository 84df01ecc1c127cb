from datetime import datetime
cases = [("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S"), ("05/03/24", "%d/%m/%y"), ("March 5, 2024", "%B %d, %Y"),
         ("2:07 PM", "%I:%M %p"), ("20240305T140709.5", "%Y%m%dT%H%M%S.%f"), ("Tue Mar  5 14:07:09 2024", "%c"), ("2024 65", "%Y %j")]
for text, fmt in cases:
    print(text, "|", fmt, "->", datetime.strptime(text, fmt))
