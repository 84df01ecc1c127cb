# attack: str.format and f-strings of a list holding one big string many times
# expect: error MemoryError|ScriptMemoryError
s = "x" * (8 * 1024 * 1024)
l = [s] * 100
f"{l}"
