print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x} {y[0]} {z[k]}'.format(x=1, y=[2], z={'k': 3}))
print('{:>5}|{:<5}|{:^5}|{:=+6}'.format('a', 'b', 'c', 12), '{{}} {}'.format(9), '{0!r:>5}'.format('q'))
for fmt, args in [('{} {}', (1,)), ('{0} {}', (1, 2)), ('{:d}', ('x',)), ('{', ()), ('}', ()), ('{:s}', (1,)), ('{0:.2f}', ('a',))]:
    try:
        print(fmt.format(*args))
    except (IndexError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
