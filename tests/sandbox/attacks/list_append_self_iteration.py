# attack: a list that grows while iterated
# expect: error ScriptTimeoutError|ScriptMemoryError
l = [1]
for x in l:
    l.append(x)
