# attack: patch a process-wide exception class of the standard library
# stdlib: yes
# expect: error TypeError immutable type
import json
setattr(json.JSONDecodeError, "msg", "pwned")
