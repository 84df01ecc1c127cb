def f():
    return undefined_thing
try:
    f()
except NameError as e:
    print(e, e.args)
try:
    print(zzz)
except NameError as e:
    print(e)
