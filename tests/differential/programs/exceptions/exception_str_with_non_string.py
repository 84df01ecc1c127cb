print(str(ValueError(1)), str(ValueError([1, 2])), str(ValueError(None)), str(KeyError(None)), str(KeyError('')))
print(repr(ValueError('it\'s')), repr(KeyError("a'b")), str(Exception('a', 'b')), str(IndexError()))
