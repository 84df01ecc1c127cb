# attack: materialise an infinite generator
# expect: error ScriptTimeoutError|ScriptMemoryError
def forever():
    n = 0
    while True:
        yield n
        n += 1
list(forever())
