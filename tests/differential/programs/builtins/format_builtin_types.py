print(format(42), format(42, '>5'), format(3.14159, '.3'), format('abc', '^7'), format(10 ** 6, ',.2f'), format(-1, '+'))
print(format(255, '#x'), format(0.25, '.0%'), format(True, '>5'), format(None, ''), format([1], ''))
