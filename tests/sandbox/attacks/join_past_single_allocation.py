# attack: join of many references to a long string: the result is refused before it is built
# expect: error MemoryError|ScriptMemoryError
# limits: steps=0 timeout_ms=60000 heap=268435456 single=67108864
s = "a" * 10 ** 6
"".join([s] * 1000)
