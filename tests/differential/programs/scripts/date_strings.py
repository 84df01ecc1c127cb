date = '2024-01-31'
y, m, d = date.split('-')
print(y, m, d, int(m) + 1)
nxt = f"{int(y)}-{int(m) + 1:02d}-{1:02d}"
print(nxt)
print(date[:7], date.replace('-', '/'), date.startswith('2024'), date < '2024-02-01')
dates = ['2024-03-01', '2023-12-31', '2024-01-15']
print(sorted(dates), max(dates), min(dates))
