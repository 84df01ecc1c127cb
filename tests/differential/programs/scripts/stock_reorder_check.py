bins = [{'item': 'A', 'actual': 5, 'reserved': 2, 'reorder_level': 10, 'reorder_qty': 20},
        {'item': 'B', 'actual': 50, 'reserved': 45, 'reorder_level': 10, 'reorder_qty': 15},
        {'item': 'C', 'actual': 100, 'reserved': 0, 'reorder_level': 10, 'reorder_qty': 5}]
to_order = []
for b in bins:
    projected = b['actual'] - b['reserved']
    if projected < b['reorder_level']:
        to_order.append({'item': b['item'], 'qty': max(b['reorder_qty'], b['reorder_level'] - projected)})
print(to_order)
print('Material Request needed' if to_order else 'Stock OK', len(to_order))
