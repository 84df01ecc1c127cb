tasks = [{'name': f'T{i}', 'priority': (i * 7) % 5, 'done': i % 3 == 0} for i in range(1, 11)]
pending = [t for t in tasks if not t['done']]
pending.sort(key=lambda t: (t['priority'], t['name']))
for batch_start in range(0, len(pending), 3):
    batch = pending[batch_start:batch_start + 3]
    print('batch', batch_start // 3, [t['name'] for t in batch])
print(len(tasks), len(pending))
