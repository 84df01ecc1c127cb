values = [4, -2, 7, 0, -5, 3]
pos = neg = zero = 0
largest = None
running = []
for v in values:
    if v > 0:
        pos += 1
    elif v < 0:
        neg += 1
    else:
        zero += 1
    if largest is None or v > largest:
        largest = v
    running.append(sum(running[-1:]) + v)
print(pos, neg, zero, largest, running)
