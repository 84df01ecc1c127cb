# attack: a native loop with no back-edge of its own
# expect: error ScriptTimeoutError
print(sum(range(10**18)))
