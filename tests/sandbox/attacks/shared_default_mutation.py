# attack: mutable defaults and module state live and die with the run
# expect: ok
# output: [1]
LEAK = []
def f(acc=LEAK):
    acc.append(1)
    return acc
print(f())
