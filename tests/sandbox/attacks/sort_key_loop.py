# attack: a runaway sort key
# expect: error ScriptTimeoutError
def key(x):
    while True:
        pass
sorted([3, 1, 2], key=key)
