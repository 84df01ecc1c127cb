d = {k: v for k, v in zip('cab', range(3))}
print(d, {v: k for k, v in d.items()}, sorted(d.items(), key=lambda kv: kv[1], reverse=True))
grouped = {}
for name, team in [('a', 'x'), ('b', 'y'), ('c', 'x')]:
    grouped.setdefault(team, []).append(name)
print(grouped, {k: len(v) for k, v in grouped.items() if len(v) > 1}, list(reversed(d)), list(reversed(d.items())))
