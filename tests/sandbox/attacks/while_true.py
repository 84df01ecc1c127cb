# attack: the simplest runaway
# expect: error ScriptTimeoutError step budget of 1000000 exhausted
while True:
    pass
