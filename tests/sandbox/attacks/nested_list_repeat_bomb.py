# attack: a list of a hundred million references
# expect: error MemoryError
[[]] * 10**8
