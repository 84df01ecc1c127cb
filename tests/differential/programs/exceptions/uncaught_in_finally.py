try:
    print('body')
finally:
    print('cleanup')
    raise RuntimeError('failed during cleanup')
