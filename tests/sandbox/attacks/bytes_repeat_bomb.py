# attack: bytes repetition
# expect: error MemoryError|TypeError
b"ab" * 10 ** 10
