class X: pass
x = X()
x.v += 1
