class O:
    x = 1
o = O()
print(getattr(o, 'x'), getattr(o, 'y', 'default'), hasattr(o, 'x'), hasattr(o, 'y'))
setattr(o, 'y', 2)
print(o.y, getattr(O, 'x'), hasattr(O, 'y'))
print(getattr('abc', 'upper')(), getattr([1, 2], 'count')(1))
try:
    getattr(o, 'z')
except AttributeError as e:
    print(e)
