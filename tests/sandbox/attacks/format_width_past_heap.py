# attack: a format width under the formatter's own cap (256 MB) but past the isolate's heap: refused before the text is built in C++, as an ordinary MemoryError the script may catch (it used to build 200 MB first and fail with an uncatchable one)
# expect: ok
# output: caught
# output: after
# limits: heap=67108864 single=67108864
try:
    "{:>200000000}".format(1)
except MemoryError:
    print("caught")
print("after")
