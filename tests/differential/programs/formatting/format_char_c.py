print(f"{65:c}{97:c}{0x1F600:c}", '%c' % 8364, format(10, 'c') == '\n')
try:
    '%c' % 'ab'
except TypeError as e:
    print(e)
