# attack: a decorator that never returns
# expect: error ScriptTimeoutError
def deco(f):
    while True:
        pass
@deco
def g():
    pass
