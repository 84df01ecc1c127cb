print(isinstance(1, int), isinstance(1, float), isinstance(1, (float, int)), isinstance('a', str), isinstance([], (tuple, dict)))
print(isinstance(None, type(None)), isinstance(int, type), issubclass(int, object), issubclass(bool, (str, int)), issubclass(KeyError, LookupError))
try:
    isinstance(1, 'int')
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
