def parse(v):
    return int(v)
def total(values):
    return sum(parse(v) for v in values)
print(total(['1', '2']))
print(total(['1', 'x']))
