# attack: 10 ** 10 ** 7 (a 10-million-digit power, one native call) under a deadline alone
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
10 ** 10 ** 7
