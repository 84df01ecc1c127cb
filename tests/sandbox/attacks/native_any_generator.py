# attack: any() over an infinite generator
# expect: error ScriptTimeoutError
def forever():
    while True:
        yield False
any(forever())
