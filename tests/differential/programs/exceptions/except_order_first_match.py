try:
    raise KeyError('k')
except LookupError:
    print('LookupError clause first')
except KeyError:
    print('never')
try:
    raise ZeroDivisionError('z')
except (TypeError, ArithmeticError) as e:
    print('tuple match', type(e).__name__)
