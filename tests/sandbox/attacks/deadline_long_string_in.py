# attack: `in` over a thousand references to a 10 MB string that differs from the needle in its last byte (10 GB of comparisons in one native call) under a deadline alone
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
s = "a" * 10 ** 7
t = "a" * (10 ** 7 - 1) + "b"
t in [s] * 1000
