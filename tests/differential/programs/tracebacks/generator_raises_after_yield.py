def gen():
    yield 1
    raise RuntimeError("gen failed")
for x in gen():
    pass
