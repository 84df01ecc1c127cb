# attack: one floor division of a 20-million-digit int by a 10-million-digit one under a deadline alone
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
x = (1 << 2 ** 26) - 1
y = (1 << 2 ** 25) - 3
x // y
