# attack: repr of a list DAG (output 2**60 long)
# expect: error MemoryError|ScriptMemoryError|ScriptTimeoutError
a = [1]
for i in range(60):
    a = [a, a]
repr(a)
