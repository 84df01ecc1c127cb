# attack: rebinding a function of an imported module affects only this run
# stdlib: yes
# expect: ok
# output: pwned
import json
json.dumps = lambda *a: "pwned"
print(json.dumps([1]))
