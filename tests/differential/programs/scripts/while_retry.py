attempts = 0
limit = 5
ok = False
while attempts < limit and not ok:
    attempts += 1
    ok = attempts * attempts > 10
    print('attempt', attempts, ok)
else:
    print('loop ended normally')
print(attempts, ok)
