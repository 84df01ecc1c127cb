def f():
    raise RuntimeError("boom")  # always


f()
