# attack: a runaway inside a generator expression consumed by a builtin that converts errors
# expect: error ScriptTimeoutError
# never: escaped
def slow(x):
    while True:
        pass
try:
    dict(((slow(i), i) for i in range(3)))
except (TypeError, ValueError):
    print("escaped")
