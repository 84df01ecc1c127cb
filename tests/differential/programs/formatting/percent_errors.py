cases = [lambda: '%d' % 'x', lambda: '%s %s' % ('a',), lambda: '%s' % ('a', 'b'), lambda: '%(k)s' % {}, lambda: '%z' % 1, lambda: '%d' % None]
for c in cases:
    try:
        print(c())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print('%d' % 3.99, '%i' % -2.5, '%s' % None, '%.0f' % 0.5, '%.0f' % 1.5, '%d%%' % 50)
