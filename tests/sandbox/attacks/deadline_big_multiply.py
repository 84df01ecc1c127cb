# attack: one multiplication of two 20-million-digit ints as the last statement, under a deadline alone (no step budget): refused before it starts, not finished seconds late
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
x = (1 << 2 ** 26) - 1
x * x
