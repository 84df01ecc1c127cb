# attack: sorting references to long equal strings: every comparison walks megabytes (a step budget alone would not see it)
# expect: error ScriptTimeoutError
# limits: steps=1000000 heap=268435456 single=67108864
s = "a" * 10 ** 7
t = "a" * 10 ** 7
sorted([s, t] * 500)
