# attack: a generator whose cleanup never ends
# expect: error ScriptTimeoutError
def g():
    try:
        yield 1
    finally:
        while True:
            pass
it = g()
next(it)
it.close()
