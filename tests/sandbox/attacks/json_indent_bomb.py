# attack: json.dumps with a huge indent on a deep structure builds gigabytes in native code
# stdlib: yes
# expect: error MemoryError|ScriptMemoryError
import json
l = [1]
for i in range(200):
    l = [l]
json.dumps(l, indent=10 ** 9)
