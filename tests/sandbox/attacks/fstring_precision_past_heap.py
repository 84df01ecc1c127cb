# attack: an f-string float precision of 200 million digits, past the isolate's heap: refused before the digits are built
# expect: ok
# output: caught
# output: after
# limits: heap=67108864 single=67108864
x = 1.5
try:
    f"{x:.200000000f}"
except MemoryError:
    print("caught")
print("after")
