for a in [([1,2],[1]), ([1],[1,2]), ([1,2],[1,2],[1]), ([1],[1],[1,2]), ([1],[1],[1])]:
    try:
        print(list(zip(*a, strict=True)))
    except ValueError as e:
        print(e)
print(list(zip([1,2],[3], strict=False)))
