print('%s %r %d %i %5.2f %-5d| %05d %x %X %o %e %g %c %%' % ('a', 'b', 3, 4, 3.14159, 7, 42, 255, 255, 8, 12345.678, 0.00001, 65))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}, '%s' % (1,), '%s' % [1, 2], '%.3s' % 'abcdef', '%*d' % (5, 42))
for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%z', 1), ('%(a)s', 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
