# attack: repr of a list holding one big string many times (native text far beyond the heap cap)
# expect: error MemoryError|ScriptMemoryError
s = "x" * (8 * 1024 * 1024)
l = [s] * 100
repr(l)
