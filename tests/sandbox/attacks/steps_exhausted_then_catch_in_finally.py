# attack: nested try/finally layers each trying to restart the loop
# expect: error ScriptTimeoutError
# never: restarted
def spin():
    while True:
        pass
try:
    try:
        spin()
    finally:
        print("restarted")
        spin()
finally:
    print("restarted")
