# attack: 'a' * 10**9: refused before allocating, whatever the deadline
# expect: error MemoryError
# limits: steps=0 timeout_ms=60000
"a" * 10 ** 9
