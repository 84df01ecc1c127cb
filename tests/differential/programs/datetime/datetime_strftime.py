from datetime import datetime
dt = datetime(2024, 3, 5, 14, 7, 9, 42)
for f in ["%Y-%m-%d %H:%M:%S", "%I:%M %p", "%f", "%d.%m.%Y", "%A, %d %B %Y", "%y%m%d", "%H%M", "%-d/%-m", "%s" if False else "%%Y", "%Z|%z", "%X", "%c"]:
    print(repr(f), "->", repr(dt.strftime(f)))
