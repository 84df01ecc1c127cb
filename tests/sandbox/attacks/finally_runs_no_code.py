# attack: a finally body that would keep running
# expect: error ScriptTimeoutError
# never: finally
try:
    while True:
        pass
finally:
    print("finally")
