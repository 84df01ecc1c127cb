# attack: round with absurd ndigits
# expect: ok
# output: 1.5 0
print(round(1.5, 10 ** 18), round(10 ** 100, -10 ** 18))
