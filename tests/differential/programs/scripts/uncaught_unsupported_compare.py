due = None
if due < '2024-01-01':
    print('old')
