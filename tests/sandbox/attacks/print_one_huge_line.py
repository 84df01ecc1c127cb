# attack: one print larger than the output cap
# expect: error ScriptOutputError
print("x" * 1000000)
for i in range(10):
    pass
