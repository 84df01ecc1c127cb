def a(): return
def b(): return None
def c(): return 1, 2, 3
def d(): return [x for x in y]
def e(): return {"k": "v"}
def f(): return not x
def g(): return lambda: 0
def h(): return (yield from y)
