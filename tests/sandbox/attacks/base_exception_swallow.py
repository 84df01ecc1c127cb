# attack: except BaseException to swallow the limit error
# expect: error ScriptTimeoutError
# never: caught
try:
    while True:
        pass
except BaseException:
    print("caught")
