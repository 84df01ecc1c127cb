cases = [lambda: None.foo, lambda: (5).append, lambda: 'x'.push, lambda: [].add, lambda: {}.append,
         lambda: (1,).append, lambda: True.x, lambda: 1.5.y]
for c in cases:
    try:
        c()
    except AttributeError as e:
        print(e)
class K:
    pass
try:
    K().missing
except AttributeError as e:
    print(e)
try:
    K.missing
except AttributeError as e:
    print(e)
