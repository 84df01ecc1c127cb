def trigger(n):
    if n == 0:
        return 1 / 0
    if n == 1:
        return [][1]
    if n == 2:
        return {}['k']
    if n == 3:
        return int('x')
    if n == 4:
        raise RuntimeError('rt')
    return None.x
for n in range(6):
    try:
        trigger(n)
    except ArithmeticError as e:
        print(n, 'arith', type(e).__name__, e)
    except LookupError as e:
        print(n, 'lookup', type(e).__name__, e)
    except (ValueError, RuntimeError) as e:
        print(n, 'value/runtime', type(e).__name__, e)
    except Exception as e:
        print(n, 'other', type(e).__name__, e)
