people = [('ann', 30, 'NY'), ('bob', 25, 'LA'), ('cat', 30, 'LA'), ('dan', 25, 'NY'), ('eve', 35, 'LA')]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[2]))
print(sorted(people, key=lambda p: (p[2], -p[1])))
print(sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1]))
