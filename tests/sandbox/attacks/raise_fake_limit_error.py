# attack: an exception class named like a limit error is an ordinary exception
# expect: ok
# output: caught fake
class ScriptTimeoutError(Exception):
    pass
try:
    raise ScriptTimeoutError("fake")
except Exception as e:
    print("caught", e)
