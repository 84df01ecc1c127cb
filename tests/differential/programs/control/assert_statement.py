assert True
assert 1 == 1, 'never shown'
try:
    assert 1 == 2
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert [], 'list was empty'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert False, {'code': 42}
except AssertionError as e:
    print(e.args[0]['code'])
x = -1
assert x > 0, f"x must be positive, got {x}"
