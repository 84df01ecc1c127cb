# attack: a generator catching everything around its yield while the consumer spins
# expect: error ScriptTimeoutError
def g():
    while True:
        try:
            yield 1
        except BaseException:
            pass
for x in g():
    pass
