def unpack_two(v):
    a, b = v
    return a, b

def unpack_star(v):
    a, *b, c = v
    return a, b, c

for v in [[1, 2, 3], [1], 'ab', 5, None, (1, 2)]:
    try:
        print(unpack_two(v))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for v in [[1], [1, 2], 'xyz']:
    try:
        print(unpack_star(v))
    except ValueError as e:
        print(type(e).__name__, e)
