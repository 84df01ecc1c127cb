def to_float(v):
    try:
        return float(v)
    except ValueError:
        return 0.0
    except TypeError as e:
        print('type error:', e)
        return -1.0

print(to_float('3.5'), to_float('abc'), to_float(None), to_float(' 4 '))
try:
    x = undefined_name
except NameError as e:
    print('NameError:', e)
try:
    {}['k']
except Exception as e:
    print(type(e).__name__, e)
try:
    raise ValueError('Quantity must be positive')
except Exception as e:
    print('caught', e, e.args)
