l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(100, 9); l.insert(-1, 8)
print(l, l.index(2), l.count(1), l.pop(), l.pop(0), l)
l.remove(8); l.reverse(); print(l, l.copy(), l[::-2], l[1:100], l[-100:2])
for f in [lambda: l.index(99), lambda: l.remove(99), lambda: [].pop(), lambda: l.pop(50), lambda: l[10]]:
    try:
        f()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
