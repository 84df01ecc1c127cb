if a:
    pass
if a:
    b
else:
    c
if a:
    b
elif c:
    d
elif e:
    f
else:
    g
if a: b
if a: b; c
if a:
    if b:
        if c:
            pass
