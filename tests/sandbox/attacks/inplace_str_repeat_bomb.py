# attack: in-place repetition of a string
# expect: error MemoryError
s = "abc"
s *= 10 ** 10
