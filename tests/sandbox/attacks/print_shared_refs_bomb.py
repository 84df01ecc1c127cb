# attack: print of a dict whose values are one big string many times
# expect: error MemoryError|ScriptMemoryError|ScriptOutputError
s = "x" * (8 * 1024 * 1024)
d = {i: s for i in range(100)}
print(d)
