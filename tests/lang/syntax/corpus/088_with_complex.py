with open(a) as f, open(b) as g:
    g.write(f.read())
with lock:
    with cm() as (x, y), other():
        pass
with a() as b, c() as d, e() as f:
    pass
