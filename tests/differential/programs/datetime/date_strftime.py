from datetime import date
d = date(2024, 7, 4)
for f in ["%Y-%m-%d", "%d/%m/%y", "%B %d, %Y", "%b %e", "%j", "%U %W", "%a %A %w", "%%", "%G-W%V-%u", "%H:%M:%S", "%c", "%x"]:
    print(repr(f), "->", repr(d.strftime(f)))
