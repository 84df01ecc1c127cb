# A suspended generator that loses its last reference is closed: GeneratorExit
# at its yield, so its finally runs right there (and at the end of the program
# for one a global still holds). One that yields again is reported on stderr.
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)

for x in gen("loop"):
    break
print("after loop")
print(next(gen("temporary")), "after temporary")
it = gen("rebound")
next(it)
it = gen("second")
next(it)
print("after rebind")

def holder():
    g = gen("local")
    next(g)
    return "returned"
print(holder())

def delegating():
    try:
        yield from gen("delegate")
    finally:
        print("delegating finally")
d = delegating()
next(d)
del d
print("after del")

def stubborn():
    try:
        yield 1
    finally:
        print("stubborn finally")
        yield 2
s = stubborn()
next(s)
s = None
print("end of program")
