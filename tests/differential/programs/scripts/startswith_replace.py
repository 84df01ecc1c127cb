codes = ['ITEM-001', 'SRV-002', 'ITEM-003', 'item-004']
for c in codes:
    if c.startswith('ITEM'):
        print(c, '->', c.replace('ITEM', 'PRD'))
    elif c.lower().startswith('item'):
        print(c, 'lowercase item')
    else:
        print(c, c.endswith('2'), c.startswith(('SRV', 'X')))
print('aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'))
