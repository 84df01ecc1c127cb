# attack: in-place repetition of a list
# expect: error MemoryError
l = [0] * 1000
l *= 10 ** 8
