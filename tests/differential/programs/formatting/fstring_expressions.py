items = [3, 1, 2]
d = {'a': 1}
print(f"{sorted(items)} {len(items) * 2} {d['a'] + 1} {'yes' if items else 'no'} {[x * 2 for x in items]}")
print(f"{(lambda v: v + 1)(1)}", f"{ {'k': 1}['k'] }", f"{items[-1]:03d}", f"{3.0 * 2:.1f}")
x = 10
print(f"{x:>{x}}|", f"{x!r}{x!s}", f"{'{'}{'}'}", f"{x // 3 = }", f"{str(x) + '!':>6}")
