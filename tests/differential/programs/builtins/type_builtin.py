for v in [1, 1.0, 'a', b'a', [], (), {}, set(), frozenset(), None, True, range(1), slice(1), ValueError(), type, len, print, iter([]), (x for x in [])]:
    print(type(v).__name__)
