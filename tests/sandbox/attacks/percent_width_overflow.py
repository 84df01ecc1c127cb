# attack: a %-format width too large for any integer type
# expect: error ValueError|OverflowError|MemoryError
"%99999999999999999999999d" % 1
