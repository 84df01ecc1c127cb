if x: y = 1
while x: x -= 1
for i in r: print(i)
def f(): return 1
class C: pass
with a: pass
try: x
except: y
