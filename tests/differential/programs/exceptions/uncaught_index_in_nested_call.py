def last(items):
    return items[-1]
def summary(groups):
    return [last(g) for g in groups]
print(summary([[1], [2, 3]]))
print(summary([[1], []]))
