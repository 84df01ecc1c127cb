def check(v):
    assert v > 0, f'value must be positive, got {v}'
    return v
for v in [1, -1]:
    try:
        print(check(v))
    except AssertionError as e:
        print('AssertionError', e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), str(e) == '')
class ValidationError(Exception):
    pass
try:
    raise ValidationError('Row {0}: {1}'.format(3, 'missing qty'))
except Exception as e:
    print(type(e).__name__, e, isinstance(e, ValidationError))
