def f(**kw):
    return kw["need"]
f(
    a=1,
    b=2,
)
