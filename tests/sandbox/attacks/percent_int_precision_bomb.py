# attack: an integer %-format whose precision pads with a billion zeros
# expect: error ValueError|MemoryError
"%.1000000000d" % 1
