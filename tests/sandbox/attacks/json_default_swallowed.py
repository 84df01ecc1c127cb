# attack: a limit error inside json's default= hook caught around dumps
# stdlib: yes
# expect: error ScriptTimeoutError
# never: escaped
import json
def forever(o):
    while True:
        pass
try:
    json.dumps(object(), default=forever)
except Exception:
    print("escaped")
