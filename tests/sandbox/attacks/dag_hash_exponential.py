# attack: hashing a tuple DAG whose expansion has 2**100 paths
# expect: error ScriptTimeoutError
t = (1,)
for i in range(100):
    t = (t, t)
hash(t)
