today = '2024-03-15'
tasks = [{'name': 'a', 'due': '2024-03-10'}, {'name': 'b', 'due': '2024-03-15'}, {'name': 'c', 'due': '2024-04-01'}, {'name': 'd', 'due': None}]
for t in tasks:
    due = t['due'] or ''
    if not due:
        state = 'no due date'
    elif due < today:
        state = 'overdue'
    elif due == today:
        state = 'due today'
    else:
        state = 'upcoming'
    print(t['name'], state)
print(sorted(t['due'] for t in tasks if t['due']))
