docs = [('SO-1', 'Draft'), ('SO-2', 'To Deliver'), ('SO-3', 'Draft'), ('SO-4', 'Completed'), ('SO-5', 'To Deliver')]
groups = {}
for name, status in docs:
    groups.setdefault(status, []).append(name)
print(groups)
summary = ', '.join(f"{k}: {len(v)}" for k, v in groups.items())
print(summary)
print({k: v for k, v in groups.items() if len(v) > 1})
