# attack: join of a huge list built by repetition
# expect: error MemoryError
" ".join(["abc"] * 10 ** 9)
