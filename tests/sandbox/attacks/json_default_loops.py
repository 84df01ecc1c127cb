# attack: a json default= hook that never returns
# stdlib: yes
# expect: error ScriptTimeoutError
import json
def forever(o):
    while True:
        pass
json.dumps(object(), default=forever)
