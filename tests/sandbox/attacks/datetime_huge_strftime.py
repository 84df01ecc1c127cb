# attack: strftime with a format that expands to gigabytes
# stdlib: yes
# expect: error MemoryError|ValueError|ScriptMemoryError
import datetime
datetime.date(2020, 1, 1).strftime("%Y" * 10 ** 7)
