# attack: a width that fits the heap in code points but not in bytes (a 4-byte fill character)
# expect: ok
# output: caught
# output: after
# limits: heap=67108864 single=67108864
try:
    format("x", "\U0001F600<20000000")
except MemoryError:
    print("caught")
print("after")
