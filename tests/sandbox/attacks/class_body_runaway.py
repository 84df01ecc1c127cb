# attack: a runaway loop inside a class body
# expect: error ScriptTimeoutError
class A:
    while True:
        pass
