# attack: an import deferred into a function and caught
# expect: ok
# output: no
def load():
    import subprocess
    return subprocess
try:
    load()
except ImportError:
    print("no")
