try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
except TypeError as e:
    print(e, '| context:', e.__context__)
try:
    try:
        raise ValueError('x')
    finally:
        print('finally runs before propagation')
except ValueError as e:
    print('got', e)
