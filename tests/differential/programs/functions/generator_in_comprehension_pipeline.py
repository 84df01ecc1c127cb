def read_lines():
    for line in ['a,1', 'b,2', '', 'c,x', 'd,4']:
        yield line
def parse(lines):
    for line in lines:
        if not line:
            continue
        name, val = line.split(',')
        if val.isdigit():
            yield name, int(val)
def running_total(pairs):
    total = 0
    for name, v in pairs:
        total += v
        yield name, total
print(list(running_total(parse(read_lines()))))
