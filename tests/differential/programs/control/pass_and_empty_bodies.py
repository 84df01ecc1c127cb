for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
def f():
    pass
class C:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print('all passed', f(), i)
