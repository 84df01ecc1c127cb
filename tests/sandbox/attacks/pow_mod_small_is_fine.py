# attack: ordinary modular pow stays cheap
# expect: ok
# output: 719476260
print(pow(2, 10 ** 18, 10 ** 9 + 7))
