print(format(3.14159, '.2f'), format(1234, ','), format(255, 'x'), format('x', '>3'), format(0.5, '%'), format(12), format(1.0))
print(repr(format(None)), format([1, 2]), format(True), format(10 ** 20, 'e'), format(-7, '08b'))
try:
    format(1, 'q')
except ValueError as e:
    print(e)
try:
    format(1.5, 'd')
except ValueError as e:
    print(e)
