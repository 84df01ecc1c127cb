# attack: comparing two shared-structure lists whose expansion has 2**100 paths (no allocation, no back-edge)
# expect: error ScriptTimeoutError
a = [1]
b = [1]
for i in range(100):
    a = [a, a]
    b = [b, b]
print(a == b)
