# attack: one multiplication of two 20-million-digit ints against a step budget (its allocation alone costs only 65,536 steps)
# expect: error ScriptTimeoutError step budget
# limits: steps=1000000 heap=268435456 single=67108864
x = (1 << 2 ** 26) - 1
x * x
