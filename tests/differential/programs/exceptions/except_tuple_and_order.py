def risky(k):
    return {'a': lambda: 1 / 0, 'b': lambda: [][1], 'c': lambda: {}['x'], 'd': lambda: int('q'), 'e': lambda: 'ok'}[k]()
for k in 'abcde':
    try:
        print(risky(k))
    except (ZeroDivisionError, IndexError) as e:
        print('arith/index', type(e).__name__, e)
    except LookupError as e:
        print('lookup', type(e).__name__, e)
    except Exception as e:
        print('other', type(e).__name__, e)
    else:
        print('no error')
