# attack: an f-string width computed at run time
# expect: error MemoryError|ValueError
w = 10 ** 9
f"{1:>{w}}"
