# attack: str.format itself works (Frappe refuses it; quire allows safe fields)
# expect: ok
# output: 1-a [2] 3.50 x
class P:
    name = "x"
print("{}-{}".format(1, "a"), "{0}".format([2]), "{:.2f}".format(3.5), "{p.name}".format(p=P()))
