# attack: json.dumps of a list holding one big string many times
# stdlib: yes
# expect: error MemoryError|ScriptMemoryError
import json
s = "x" * (8 * 1024 * 1024)
json.dumps([s] * 100)
