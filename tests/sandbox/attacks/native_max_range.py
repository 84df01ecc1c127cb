# attack: max() over an enormous range
# expect: error ScriptTimeoutError
print(max(range(10**18)))
