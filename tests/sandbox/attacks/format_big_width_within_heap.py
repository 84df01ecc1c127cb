# attack: none: a width of a million is formatted (the budget check must not refuse what fits)
# expect: ok
# output: 1000000
print(len("{:>1000000}".format(1)))
