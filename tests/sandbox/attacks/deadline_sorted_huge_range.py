# attack: sorted(range(10**8)) under a deadline alone: the list cannot be built, or the deadline stops it
# expect: error ScriptTimeoutError|ScriptMemoryError|MemoryError
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
sorted(range(10 ** 8))
