class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
class OnlyStr:
    def __str__(self):
        return 'only-str'
o = OnlyRepr()
print(o, str(o), f"{o}", '%s' % o, [o], format(o))
s = OnlyStr()
print(s, str(s), f"{s}")
