# attack: a module patched earlier in the same isolate is fresh again here
# stdlib: yes
# expect: ok
# output: [1]
import json
print(json.dumps([1]))
