# attack: a chain of a hundred thousand explicit causes (traceback printing must not recurse natively)
# expect: error ValueError 99999
prev = None
for i in range(100000):
    try:
        raise ValueError(i) from prev
    except ValueError as e:
        prev = e
raise prev
