print('{{{}}}'.format(5), '{!r:>8}'.format('x'), '{0!s:^7}'.format(1.5), '{:}'.format('plain'))
print('{:=^20}'.format(' Title '), '{:~<10}{:~>10}'.format('L', 'R'))
print('{0:{1}}'.format(3.14159, '.2f'), '{0:+.1e}'.format(-12345.6789))
