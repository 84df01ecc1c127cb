# attack: modular pow with a million-bit exponent under a deadline alone (was charged only with a step budget)
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
pow(3, 1 << 1000000, (1 << 100000) - 1)
