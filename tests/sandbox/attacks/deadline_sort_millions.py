# attack: sorting four million items in one native call under a deadline alone
# expect: error ScriptTimeoutError time limit
# limits: steps=0 timeout_ms=1 heap=268435456 single=67108864
items = [0] * 4000000
items.sort()
