# attack: a bare except inside the loop to swallow the limit error
# expect: error ScriptTimeoutError
# never: swallowed
while True:
    try:
        while True:
            pass
    except:
        print("swallowed")
