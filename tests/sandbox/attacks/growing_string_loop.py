# attack: doubling a string until the heap gives out
# expect: error MemoryError|ScriptMemoryError|ScriptTimeoutError
s = "a"
while True:
    s = s + s
