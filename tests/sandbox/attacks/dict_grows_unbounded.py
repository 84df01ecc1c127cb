# attack: a dict grown without bound
# expect: error ScriptTimeoutError|ScriptMemoryError
d = {}
i = 0
while True:
    d[i] = str(i) * 10
    i += 1
