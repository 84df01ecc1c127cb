def load(key):
    try:
        return {'a': 1}[key]
    except KeyError as e:
        raise RuntimeError(f'cannot load {key}') from e
print(load('a'))
load('b')
