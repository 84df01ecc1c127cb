# attack: dict lookup keyed by a tuple DAG (hash and equality both exponential)
# expect: error ScriptTimeoutError
t = (1,)
for i in range(100):
    t = (t, t)
d = {}
d[t] = 1
