total = 0
calls = 0
def add(x):
    global total, calls
    total += x
    calls += 1
for v in [5, 10, -3]:
    add(v)
print(total, calls)
def reset():
    global total
    total = 0
reset()
print(total, calls)
