for s in ['test_case.py', 'test_', 'case', '']:
    print(repr(s.removeprefix('test_')), repr(s.removesuffix('.py')), repr(s.removeprefix('')), repr(s.removesuffix(s)))
