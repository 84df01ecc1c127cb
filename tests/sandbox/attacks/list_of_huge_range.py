# attack: materialise a huge range
# expect: error MemoryError|ScriptMemoryError|ScriptTimeoutError
list(range(10**9))
