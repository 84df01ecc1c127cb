# attack: `in` over a thousand references to an 8 MB int that differs from the needle (each comparison copies both) under a deadline alone
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
x = (1 << 2 ** 26) - 1
y = x - 1
y in [x] * 1000
