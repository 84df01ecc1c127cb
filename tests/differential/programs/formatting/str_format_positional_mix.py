print('{0}{1}{0}'.format('ab', 'cd'), '{}{}'.format(1, 2), '{x}{y}{x}'.format(x='-', y='+'))
print('{0:>{1}}'.format('z', 4), '{:{}{}}'.format(5, '>', 3), '{0!r:^9}'.format('q'))
try:
    '{0}{}'.format(1, 2)
except ValueError as e:
    print(e)
try:
    '{}{}'.format(1)
except IndexError as e:
    print(e)
