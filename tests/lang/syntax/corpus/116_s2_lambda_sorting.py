people = [("alice", 30), ("bob", 25)]
by_age = sorted(people, key=lambda p: p[1])
by_name_desc = sorted(people, key=lambda p: (-len(p[0]), p[0]), reverse=True)
pick = (lambda *a, **k: (a, k))(1, 2, x=3)
