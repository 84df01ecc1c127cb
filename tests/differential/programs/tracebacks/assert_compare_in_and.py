def check(values):
    assert isinstance(values, list) and len(values) > 2
    return len(values)


print(check([1, 2, 3]))
check([1])
