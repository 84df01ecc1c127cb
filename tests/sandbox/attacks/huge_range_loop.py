# attack: a loop that would finish in a few centuries
# expect: error ScriptTimeoutError step budget
for i in range(10**18):
    pass
