rows = [{'name': 'b', 'modified': '2024-01-02', 'idx': 2}, {'name': 'a', 'modified': '2024-01-03', 'idx': 1},
        {'name': 'c', 'modified': '2024-01-02', 'idx': 3}]
print([r['name'] for r in sorted(rows, key=lambda r: r['modified'], reverse=True)])
print([r['name'] for r in sorted(rows, key=lambda r: (r['modified'], -r['idx']))])
rows.sort(key=lambda r: r['idx'])
print([r['name'] for r in rows])
