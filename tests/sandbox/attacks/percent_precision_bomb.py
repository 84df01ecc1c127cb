# attack: %-format with a precision of two hundred million digits
# expect: error MemoryError|ValueError
"%.200000000f" % 1.0
