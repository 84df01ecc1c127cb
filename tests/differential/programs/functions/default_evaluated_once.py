counter = [0]
def next_id(prefix='ID', counter=counter):
    counter[0] += 1
    return f'{prefix}-{counter[0]}'
print(next_id(), next_id('X'), next_id(), counter)
def stamp(value=len('abc')):
    return value
print(stamp(), stamp(7))
