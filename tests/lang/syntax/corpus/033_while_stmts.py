while True:
    break
while x:
    x -= 1
else:
    pass
while not done:
    if a:
        continue
    break
while 1: pass
